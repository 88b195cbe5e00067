/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/export", () => {
  it("@arcrest/export: values", async () => {
    expect(Object.keys(await import("@arcrest/export")).sort()).toMatchInlineSnapshot(`
      [
        "ClipRegion",
        "DestinationExistsError",
        "ExportAbortedError",
        "ExportError",
        "ExportValidationError",
        "FileSizeLimitError",
        "MemorySink",
        "SHAPEFILE_MAX_BYTES",
        "ShapeType",
        "builtInPrj",
        "clipGeometry",
        "collectBytes",
        "shapefileToBytes",
        "shapefileToZip",
        "toReadableStream",
        "writeCSV",
        "writeGeoJSON",
        "writeGeoJSONLines",
        "writeKML",
        "writeKMZ",
        "writeShapefile",
      ]
    `);
  });
  it("@arcrest/export: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "ByteSink",
        "ClipGeometryOptions",
        "Column",
        "ColumnKind",
        "CsvGeometry",
        "CsvOptions",
        "DateTimeCompanion",
        "ExportAttributeValue",
        "ExportFeature",
        "ExportWarning",
        "FeatureIterable",
        "FeatureSource",
        "GeoJSONOptions",
        "KmlOptions",
        "PrjResolver",
        "ShapeTypeCode",
        "ShapefileBytes",
        "ShapefileField",
        "ShapefileOptions",
        "ShapefilePart",
        "ShapefileResult",
        "ShapefileSinkFactory",
        "ShapefileZipOptions",
        "WarningHandler",
        "WriterOptions",
      ]
    `);
  });
  it("@arcrest/export/node: values", async () => {
    expect(Object.keys(await import("@arcrest/export/node")).sort()).toMatchInlineSnapshot(`
      [
        "clip",
        "exportFeatureSet",
        "exportGeocodeResults",
        "exportLayer",
        "exportReplica",
        "formatFromPath",
        "fullPrjResolver",
        "writeFeaturesToFile",
      ]
    `);
  });
  it("@arcrest/export/node: types", () => {
    expect(hasStarExport("src/node/index.ts")).toBe(false);
    expect(typeNames("src/node/index.ts")).toMatchInlineSnapshot(`
      [
        "ClipOptions",
        "ExportFileOptions",
        "ExportFormat",
        "ExportGeocodeOptions",
        "ExportLayerOptions",
        "ExportQueryOptions",
        "ExportReplicaOptions",
        "ExportResult",
        "ExportableFeatureSet",
        "ExportableLayer",
        "ExportedReplicaLayer",
        "GeocodeCandidateLike",
        "GeocodeResultLike",
        "ReplicaAttachmentData",
        "ReplicaData",
        "WorkersOption",
      ]
    `);
  });
});
