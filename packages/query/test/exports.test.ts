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

describe("exported names of @arcrest/query", () => {
  it("@arcrest/query: values", async () => {
    expect(Object.keys(await import("@arcrest/query")).sort()).toMatchInlineSnapshot(`
      [
        "Attachment",
        "IncompleteResultError",
        "MapService",
        "MapServiceLayer",
        "Row",
        "exportMap",
        "fetchAttachments",
        "getFeature",
        "queryAll",
        "queryAttachments",
        "queryCount",
        "queryDistinctValues",
        "queryFeatures",
        "queryObjectIds",
        "queryRelatedRecordCount",
        "queryRelatedRecords",
        "queryService",
        "queryStatistics",
        "searchCursor",
        "sql",
        "sqlLiteral",
        "streamFeatures",
        "streamPages",
        "whereIn",
      ]
    `);
  });
  it("@arcrest/query: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "AttachmentInfo",
        "Attributes",
        "CursorOptions",
        "CursorValue",
        "DistanceUnit",
        "ExportMapOptions",
        "ExportedMap",
        "Feature",
        "FeatureAttachments",
        "FeatureSetInfo",
        "FeatureValue",
        "FeaturesOptions",
        "GeoFeature",
        "GeoJSONGeometry",
        "GeoJSONQueryResult",
        "GetFeatureOptions",
        "IncompleteResultErrorInit",
        "LayerDefinition",
        "LayerQueryOptions",
        "LayerRelatedRecordsOptions",
        "NormalizeOptions",
        "ObjectIdsResult",
        "PagingOptions",
        "PagingPlan",
        "PagingStrategyName",
        "ParsedFeatureSet",
        "QueryAttachmentsOptions",
        "QueryCountOptions",
        "QueryDistinctValuesOptions",
        "QueryFacts",
        "QueryFeaturesOptions",
        "QueryFilter",
        "QueryObjectIdsOptions",
        "QueryOptions",
        "QueryRelatedRecordsOptions",
        "QueryResult",
        "QueryServiceOptions",
        "QueryStatisticsOptions",
        "RelatedRecordGroup",
        "RelatedRecordsResult",
        "SelectByLocationOptions",
        "ServiceQueryLayerResult",
        "SingleQueryOptions",
        "SpatialReferenceInput",
        "SpatialRelationship",
        "SqlValue",
        "StatisticDefinition",
        "StatisticType",
        "StreamFeaturesOptions",
        "TimeFilter",
      ]
    `);
  });
  it("@arcrest/query/node: values", async () => {
    expect(Object.keys(await import("@arcrest/query/node")).sort()).toMatchInlineSnapshot(`
      [
        "saveAttachment",
        "saveMapImage",
      ]
    `);
  });
  it("@arcrest/query/node: types", () => {
    expect(hasStarExport("src/node/index.ts")).toBe(false);
    expect(typeNames("src/node/index.ts")).toMatchInlineSnapshot(`[]`);
  });
  it("@arcrest/query/internal: values", async () => {
    expect(Object.keys(await import("@arcrest/query/internal")).sort()).toMatchInlineSnapshot(`
      [
        "esriFeatureNormalizer",
        "flattenPages",
        "parseAttachmentInfos",
        "parseFeatureSet",
        "streamPagesWith",
      ]
    `);
  });
  it("@arcrest/query/internal: types", () => {
    expect(hasStarExport("src/internal.ts")).toBe(false);
    expect(typeNames("src/internal.ts")).toMatchInlineSnapshot(`
      [
        "FetchedPage",
        "PageReader",
      ]
    `);
  });
});
