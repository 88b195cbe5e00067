/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/core", () => {
  it("@arcrest/core: values", async () => {
    expect(Object.keys(await import("@arcrest/core")).sort()).toMatchInlineSnapshot(`
      [
        "ArcGISAuthError",
        "ArcGISNetworkError",
        "ArcGISRequestError",
        "ArcGISTimeoutError",
        "ArcServer",
        "Envelope",
        "Geometry",
        "GeometryError",
        "LayerMetadata",
        "PasswordTokenProvider",
        "Service",
        "Session",
        "Token",
        "ValidationError",
        "esriFeatureToGeoJSON",
        "esriGeometryTypeOf",
        "esriToGeoJSON",
        "featureSetToGeoJSON",
        "fetchDirectory",
        "fetchLayerInfo",
        "fetchServerInfo",
        "fetchServiceInfo",
        "fromEpochMs",
        "generateToken",
        "geoJSONFeatureToEsri",
        "geoJSONToEsri",
        "geoJSONToFeatureSet",
        "getDefaultSession",
        "isEsriEnvelope",
        "isEsriGeometry",
        "isEsriMultipoint",
        "isEsriPoint",
        "isEsriPolygon",
        "isEsriPolyline",
        "request",
        "sessionFor",
        "setDefaultSession",
        "spatialReferenceFromCrs",
        "toEpochMs",
      ]
    `);
  });
  it("@arcrest/core: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "AdvancedQueryCapabilities",
        "ArcGISRequestErrorInit",
        "AttributeValue",
        "CallOptions",
        "CatalogWarning",
        "CodedValue",
        "ConnectOptions",
        "Credentials",
        "DirectoryInfo",
        "Domain",
        "EsriCurveGeometry",
        "EsriEnvelope",
        "EsriFeature",
        "EsriFeatureLike",
        "EsriFeatureSetLike",
        "EsriGeometry",
        "EsriGeometryLike",
        "EsriMultipoint",
        "EsriMultipointLike",
        "EsriPoint",
        "EsriPolygon",
        "EsriPolygonLike",
        "EsriPolyline",
        "EsriPolylineLike",
        "EsriToGeoJSONOptions",
        "FeatureGeometryLike",
        "FeatureSet",
        "FeatureToGeoJSONOptions",
        "Field",
        "FieldType",
        "GenerateTokenOptions",
        "GeoJSONBBox",
        "GeoJSONFeature",
        "GeoJSONFeatureCollection",
        "GeoJSONFeatureToEsriOptions",
        "GeoJSONGeometry",
        "GeoJSONGeometryCollection",
        "GeoJSONLineString",
        "GeoJSONMultiLineString",
        "GeoJSONMultiPoint",
        "GeoJSONMultiPolygon",
        "GeoJSONNamedCrs",
        "GeoJSONPoint",
        "GeoJSONPolygon",
        "GeoJSONPosition",
        "GeoJSONProperties",
        "GeoJSONToEsriOptions",
        "GeometryInput",
        "GeometryOptions",
        "GeometryQueryParams",
        "GeometryType",
        "HttpMethod",
        "LayerEntry",
        "LayerInfo",
        "ParamValue",
        "PasswordTokenProviderOptions",
        "Position",
        "PositionLike",
        "Progress",
        "RelationshipInfo",
        "RequestKind",
        "RequestOptions",
        "RetryPolicy",
        "ServerAuth",
        "ServerInfo",
        "ServiceEntry",
        "ServiceInfo",
        "ServiceType",
        "ServiceUrlParts",
        "SessionOptions",
        "SpatialReference",
        "TokenClient",
        "TokenInit",
        "TokenPlacement",
        "TokenProvider",
        "TokenProviderOptions",
        "WalkEntry",
        "WalkOptions",
      ]
    `);
  });
  it("@arcrest/core/node: values", async () => {
    expect(Object.keys(await import("@arcrest/core/node")).sort()).toMatchInlineSnapshot(`
      [
        "Geometry",
        "openShapefile",
        "readFirstFeature",
        "readShapefile",
        "spatialReferenceFromPrj",
        "writeFileAtomic",
      ]
    `);
  });
  it("@arcrest/core/node: types", () => {
    expect(hasStarExport("src/node/index.ts")).toBe(false);
    expect(typeNames("src/node/index.ts")).toMatchInlineSnapshot(`
      [
        "DbfField",
        "Shapefile",
        "ShapefileBBox",
        "ShapefileFeature",
        "ShapefileHeader",
      ]
    `);
  });
  it("@arcrest/core/projection: values", async () => {
    expect(Object.keys(await import("@arcrest/core/projection")).sort()).toMatchInlineSnapshot(`
      [
        "UnknownProjectionError",
        "WEB_MERCATOR_WKIDS",
        "WGS84_WKIDS",
        "getProjector",
        "isProjectionKnown",
        "isWebMercator",
        "project",
        "registerProjection",
        "resolveDefinition",
      ]
    `);
  });
  it("@arcrest/core/projection: types", () => {
    expect(hasStarExport("src/projection/index.ts")).toBe(false);
    expect(typeNames("src/projection/index.ts")).toMatchInlineSnapshot(`
      [
        "SpatialReferenceInput",
        "XYProjector",
      ]
    `);
  });
  it("@arcrest/core/internal: values", async () => {
    expect(Object.keys(await import("@arcrest/core/internal")).sort()).toMatchInlineSnapshot(`
      [
        "MAX_SAFE_NAME_BYTES",
        "classifyPointInRing",
        "cleanUrl",
        "closeRing",
        "concatBytes",
        "geometryQueryParams",
        "groupRings",
        "normalizeEsriGeometry",
        "parseServiceUrl",
        "positionOf",
        "ringArea",
        "safeFileName",
        "serverRoot",
      ]
    `);
  });
  it("@arcrest/core/internal: types", () => {
    expect(hasStarExport("src/internal.ts")).toBe(false);
    expect(typeNames("src/internal.ts")).toMatchInlineSnapshot(`
      [
        "RingContainment",
        "RingGroup",
        "ServiceUrlParts",
        "ZMDefaults",
      ]
    `);
  });
});
