/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

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
        "TAKE_BUFFERED",
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
