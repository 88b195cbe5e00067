/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Names an entry file exports as types only. */
function typeNames(entry: string): string[] {
  const text = readFileSync(new URL(`../${entry}`, import.meta.url), "utf8");
  const names: string[] = [];
  for (const [, typeOnly, list] of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const raw of list.split(",")) {
      const spec = raw.replace(/\/\/.*$/gm, "").trim();
      if (spec === "") continue;
      const isType = typeOnly !== undefined || spec.startsWith("type ");
      const name = spec.replace(/^type\s+/, "").split(/\s+as\s+/).pop() as string;
      if (isType) names.push(name);
    }
  }
  return names.sort();
}

function hasStarExport(entry: string): boolean {
  return /export\s+(type\s+)?\*/.test(readFileSync(new URL(`../${entry}`, import.meta.url), "utf8"));
}

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
