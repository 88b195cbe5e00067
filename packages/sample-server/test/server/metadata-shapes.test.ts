import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";
import { fixture } from "../helpers/fixtures.js";
import { getJson } from "../helpers/http.js";
import { structuralDiff } from "../helpers/structure.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(() => server.close());

const json = async (path: string): Promise<Record<string, unknown>> => (await getJson(`${server.url}${path}`)).body;

// Renderers and feature templates carry layer-specific keys (field names, symbol kinds): not schema.
const LAYER_DATA_KEYS = [
  "drawingInfo.renderer",
  "drawingInfo.labelingInfo",
  "types[].templates[].prototype.attributes",
  "types[].domains",
  "templates[].prototype.attributes",
];

describe("structural comparison helper", () => {
  it("accepts a conforming answer and names what differs", () => {
    const expected = { a: 1, b: { c: "x", d: [{ e: true }] }, n: null };
    expect(structuralDiff(expected, { a: 2, b: { c: "y", d: [{ e: false, f: 1 }] }, n: { any: 1 }, extra: 1 })).toEqual([]);
    expect(structuralDiff(expected, { a: "1", b: { d: [{ e: 1 }] }, n: null })).toEqual([
      "a: expected number, got string",
      "b.c: missing",
      "b.d[].e: expected boolean, got number",
    ]);
    expect(structuralDiff({ x: { y: 1 } }, { x: {} }, { ignore: ["x.y"] })).toEqual([]);
  });
});

describe("rest/info", () => {
  it("has the keys of a recorded ArcGIS Server /rest/info", async () => {
    const info = await json("/arcgis/rest/info?f=json");
    // The recorded file has isTokenBasedSecurity as the string "false" (hand-edited, see SOURCES.md).
    expect(structuralDiff(fixture("catalog/esri-leaflet__rest-info-services.arcgisonline.json"), info, { ignore: ["authInfo.isTokenBasedSecurity"] })).toEqual([]);
    // owningSystemUrl only exists on federated servers.
    expect(structuralDiff(fixture("auth/arcgis-rest-js__sharing-rest-info.json"), info, { ignore: ["owningSystemUrl"] })).toEqual([]);
    expect(info.authInfo).toEqual({
      isTokenBasedSecurity: true,
      tokenServicesUrl: `${server.url}/arcgis/tokens/generateToken`,
      shortLivedTokenValidity: 60,
    });
  });
});

describe("MapServer layer info", () => {
  const modern = [
    "mapserver/pyesridump__us-il-chicago-metadata.json",
    "mapserver/pyesridump__us-ca-tuolumne-metadata.json",
    "mapserver/pyesridump__us-mi-kent-metadata.json",
    "mapserver/oa-machine__ua-kharkiv-metadata.json",
  ];
  for (const file of modern) {
    it(`observed_river_stages (10.81) has the structure of ${file}`, async () => {
      const info = await json("/arcgis/rest/services/ahps_gauges/MapServer/0?f=json");
      // Kent's data is in a custom projection written as WKT; ours has a wkid.
      expect(structuralDiff(fixture(file), info, { ignore: [...LAYER_DATA_KEYS, "extent.spatialReference.wkt"] })).toEqual([]);
    });
  }

  it("the 10.2 layer has the structure of a recorded 10.2 layer and no pagination support", async () => {
    const info = await json("/arcgis/rest/services/Odd/NoPagination/MapServer/0?f=json");
    expect(structuralDiff(fixture("mapserver/pyesridump__us-ms-madison-metadata.json"), info, { ignore: LAYER_DATA_KEYS })).toEqual([]);
    expect(info.currentVersion).toBe(10.2);
    expect(info).not.toHaveProperty("advancedQueryCapabilities");
    expect(info).not.toHaveProperty("standardMaxRecordCount");
    expect(info.maxRecordCount).toBe(1000);
  });

  it("advertises pagination, limits, fields with domains and relationships on the gauges layer", async () => {
    const info = await json("/arcgis/rest/services/ahps_gauges/MapServer/0?f=json");
    expect(info).toMatchObject({
      name: "observed_river_stages",
      type: "Feature Layer",
      geometryType: "esriGeometryPoint",
      maxRecordCount: 1000,
      objectIdField: "objectid",
      hasAttachments: true,
      advancedQueryCapabilities: { supportsPagination: true, supportsOrderBy: true, supportsQueryAttachments: true },
      relationships: [{ id: 0, relatedTableId: 2, role: "esriRelRoleOrigin", keyField: "gaugelid" }],
    });
    expect(typeof info.standardMaxRecordCount).toBe("number");
    const fields = info.fields as { name: string; type: string; domain: unknown }[];
    expect(fields.map((f) => f.name)).toEqual(["objectid", "Shape", "gaugelid", "status", "location", "state", "waterbody", "obstime", "stage", "flow"]);
    expect(fields.find((f) => f.name === "status")?.domain).toMatchObject({ type: "codedValue", name: "AHPS_Status" });
    const extent = info.extent as Record<string, number>;
    expect(extent.xmin).toBeLessThan(-120);
    expect(extent.xmax).toBeGreaterThan(-70);
  });

  it("describes the related table without geometry", async () => {
    const info = await json("/arcgis/rest/services/ahps_gauges/MapServer/2?f=json");
    expect(info).toMatchObject({ name: "gauge_owners", type: "Table", relationships: [{ id: 0, relatedTableId: 0, role: "esriRelRoleDestination" }] });
    expect(info).not.toHaveProperty("geometryType");
    expect(info).not.toHaveProperty("extent");
  });

  it("ShortPages advertises 2000 records per page", async () => {
    const info = await json("/arcgis/rest/services/Odd/ShortPages/MapServer/0?f=json");
    expect(info.maxRecordCount).toBe(2000);
  });
});

describe("FeatureServer", () => {
  const files = [
    "featureserver-layer/arcgis-rest-js__service-getFeatureLayerResponse.json",
    "featureserver-layer/pyesridump__us-esri-test-metadata.json",
    "featureserver-layer/oa-machine__us-pa-lancaster-metadata.json",
    "featureserver-layer/koop-provider-agol__layerInfo.json",
  ];
  for (const file of files) {
    it(`incidents layer has the structure of ${file}`, async () => {
      const info = await json("/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer/0?f=json");
      // Type ids follow the type field's type (a string in one file, a number here and in the other).
      expect(structuralDiff(fixture(file), info, { ignore: [...LAYER_DATA_KEYS, "types[].id"] })).toEqual([]);
    });
  }

  it("service info has the structure of a recorded FeatureServer root", async () => {
    const info = await json("/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer?f=json");
    expect(structuralDiff(fixture("featureserver-layer/koop-provider-agol__serviceInfo.json"), info)).toEqual([]);
    expect(info).toMatchObject({ capabilities: "Query,Create,Update,Delete,Uploads,Editing,Sync", syncEnabled: true, layers: [{ id: 0, name: "incidents" }] });
  });

  it("incidents carries a GlobalID field, coded status types and editing capabilities", async () => {
    const info = await json("/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer/0?f=json");
    expect(info).toMatchObject({ objectIdField: "objectid", globalIdField: "globalid", typeIdField: "status", hasAttachments: true });
    expect((info.types as { id: number }[]).map((t) => t.id)).toEqual([1, 2, 3]);
    const names = (info.fields as { name: string }[]).map((f) => f.name);
    for (const name of ["objectid", "globalid", "req_type", "req_date", "req_time", "address", "x_coord", "y_coord", "district", "status"]) {
      expect(names).toContain(name);
    }
  });

  it("/layers lists every layer's full info", async () => {
    const { layers, tables } = (await json("/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer/layers?f=json")) as {
      layers: Record<string, unknown>[];
      tables: unknown[];
    };
    expect(tables).toEqual([]);
    expect(structuralDiff(fixture("featureserver-layer/pyesridump__us-esri-test-metadata.json"), layers[0], { ignore: LAYER_DATA_KEYS })).toEqual([]);
  });

  it("the same service is a MapServer too", async () => {
    const info = await json("/arcgis/rest/services/SanFrancisco/311Incidents/MapServer?f=json");
    expect(info).toMatchObject({ supportedExtensions: "FeatureServer", layers: [{ id: 0, name: "incidents" }], capabilities: "Map,Query,Data" });
  });
});

describe("MapServer service info and /layers", () => {
  it("lists layers and tables with extents and limits", async () => {
    const info = await json("/arcgis/rest/services/ahps_gauges/MapServer?f=json");
    expect(info).toMatchObject({
      currentVersion: 10.81,
      layers: [
        { id: 0, name: "observed_river_stages" },
        { id: 1, name: "forecast_river_stages" },
      ],
      tables: [{ id: 2, name: "gauge_owners" }],
      spatialReference: { wkid: 4326, latestWkid: 4326 },
      maxRecordCount: 1000,
    });
    for (const key of ["initialExtent", "fullExtent", "documentInfo", "units", "capabilities", "supportedQueryFormats"]) expect(info).toHaveProperty(key);
  });

  it("/layers has the structure of recorded layer infos", async () => {
    const { layers, tables } = (await json("/arcgis/rest/services/ahps_gauges/MapServer/layers?f=json")) as {
      layers: Record<string, unknown>[];
      tables: Record<string, unknown>[];
    };
    expect(layers.map((l) => l.name)).toEqual(["observed_river_stages", "forecast_river_stages"]);
    expect(tables.map((t) => t.name)).toEqual(["gauge_owners"]);
    expect(structuralDiff(fixture("mapserver/pyesridump__us-il-chicago-metadata.json"), layers[1], { ignore: LAYER_DATA_KEYS })).toEqual([]);
  });

  it("describes polygons and polylines", async () => {
    const info = await json("/arcgis/rest/services/Boundaries/Districts/MapServer?f=json");
    expect(info.layers).toMatchObject([
      { id: 0, name: "districts", geometryType: "esriGeometryPolygon" },
      { id: 1, name: "rivers", geometryType: "esriGeometryPolyline" },
    ]);
  });
});

describe("attachments list", () => {
  it("has the structure of a recorded attachmentInfos answer", async () => {
    const answer = await json("/arcgis/rest/services/ahps_gauges/MapServer/0/1/attachments?f=json");
    expect(structuralDiff(fixture("attachments/arcgis-rest-js__feature-getAttachmentsResponse.json"), answer)).toEqual([]);
  });
});
