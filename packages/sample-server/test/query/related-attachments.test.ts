import { describe, expect, it } from "vitest";
import type { SampleLayer, SampleService } from "../../src/data/types.js";
import { executeAttachmentQuery, executeRelatedQuery } from "../../src/query/index.js";
import { bodyOf, field, pointLayer } from "./layers.js";

function service(): { service: SampleService; gauges: SampleLayer; owners: SampleLayer } {
  const gauges: SampleLayer = {
    ...pointLayer({ count: 6 }),
    globalIdField: "globalid",
    relationships: [
      { id: 0, name: "owners", relatedTableId: 2, cardinality: "esriRelCardinalityOneToMany", role: "esriRelRoleOrigin", keyField: "NAME", relatedKeyField: "gauge", composite: false },
    ],
    hasAttachments: true,
  };
  gauges.fields = [...gauges.fields, field("globalid", "GlobalID", { length: 38 })];
  gauges.features.forEach((f, i) => (f.attributes.globalid = `{AAAAAAAA-0000-0000-0000-00000000000${i + 1}}`));
  const bytes = (n: number) => new Uint8Array(n);
  gauges.attachments = [
    { id: 1, parentObjectId: 2, globalId: "{B1}", name: "photo.png", contentType: "image/png", keywords: "photo,site", data: bytes(10) },
    { id: 2, parentObjectId: 2, globalId: "{B2}", name: "notes.txt", contentType: "text/plain", keywords: "notes", data: bytes(20) },
    { id: 3, parentObjectId: 5, globalId: "{B3}", name: "pic.jpg", contentType: "image/jpeg", keywords: "photo", data: bytes(300) },
  ];
  const owners: SampleLayer = {
    id: 2,
    name: "owners",
    type: "Table",
    wkid: 4326,
    fields: [field("objectid", "OID"), field("gauge", "String", { length: 20 }), field("agency", "String", { length: 10 })],
    objectIdField: "objectid",
    displayField: "agency",
    maxRecordCount: 1000,
    supportsPagination: true,
    currentVersion: 10.81,
    capabilities: "Query",
    features: [
      { attributes: { objectid: 1, gauge: "Gauge 1", agency: "USGS" }, geometry: null },
      { attributes: { objectid: 2, gauge: "Gauge 1", agency: "NWS" }, geometry: null },
      { attributes: { objectid: 3, gauge: "Gauge 3", agency: "USACE" }, geometry: null },
      { attributes: { objectid: 4, gauge: "Gauge 9", agency: "USGS" }, geometry: null },
    ],
    nextObjectId: 5,
    relationships: [
      { id: 0, name: "owners", relatedTableId: 0, cardinality: "esriRelCardinalityOneToMany", role: "esriRelRoleDestination", keyField: "gauge", relatedKeyField: "name", composite: false },
    ],
  };
  return { service: { name: "Gauges", type: "MapServer", currentVersion: 10.81, layers: [gauges, owners] }, gauges, owners };
}

describe("queryRelatedRecords", () => {
  it("groups related rows by source object id, leaving out sources without any", () => {
    const { service: s, gauges } = service();
    const body = bodyOf(executeRelatedQuery(s, gauges, { relationshipId: "0", objectIds: "1,2,3", outFields: "*", f: "json" }));
    expect(body).not.toHaveProperty("geometryType"); // the related table has no geometry
    expect((body.fields as { name: string }[]).map((f) => f.name)).toEqual(["objectid", "gauge", "agency"]);
    expect(body.relatedRecordGroups).toEqual([
      {
        objectId: 1,
        relatedRecords: [
          { attributes: { objectid: 1, gauge: "Gauge 1", agency: "USGS" } },
          { attributes: { objectid: 2, gauge: "Gauge 1", agency: "NWS" } },
        ],
      },
      { objectId: 3, relatedRecords: [{ attributes: { objectid: 3, gauge: "Gauge 3", agency: "USACE" } }] },
    ]);
  });

  it("applies definitionExpression and outFields to the related rows", () => {
    const { service: s, gauges } = service();
    const body = bodyOf(executeRelatedQuery(s, gauges, { relationshipId: "0", objectIds: "1", outFields: "AGENCY", definitionExpression: "agency <> 'NWS'" }));
    expect(body.relatedRecordGroups).toEqual([{ objectId: 1, relatedRecords: [{ attributes: { agency: "USGS" } }] }]);
  });

  it("works from the table back to the layer, with geometry and spatial reference", () => {
    const { service: s, owners } = service();
    const body = bodyOf(executeRelatedQuery(s, owners, { relationshipId: "0", objectIds: "3", outFields: "objectid", outSR: "102100" }));
    expect(body.geometryType).toBe("esriGeometryPoint");
    expect(body.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    const groups = body.relatedRecordGroups as { objectId: number; relatedRecords: { attributes: unknown; geometry: { x: number } }[] }[];
    expect(groups[0].objectId).toBe(3);
    expect(groups[0].relatedRecords[0].attributes).toEqual({ objectid: 3 });
    expect(Math.abs(groups[0].relatedRecords[0].geometry.x)).toBeGreaterThan(1e6);
  });

  it("counts with returnCountOnly", () => {
    const { service: s, gauges } = service();
    expect(bodyOf(executeRelatedQuery(s, gauges, { relationshipId: "0", objectIds: "1,3", returnCountOnly: "true" }))).toEqual({
      relatedRecordGroups: [{ objectId: 1, count: 2 }, { objectId: 3, count: 1 }],
    });
  });

  it("rejects a missing or unknown relationship and a bad definitionExpression", () => {
    const { service: s, gauges } = service();
    const code = (params: Record<string, string>) => (bodyOf(executeRelatedQuery(s, gauges, params)).error as { code: number } | undefined)?.code;
    expect(code({ objectIds: "1" })).toBe(400);
    expect(code({ relationshipId: "7", objectIds: "1" })).toBe(400);
    expect(code({ relationshipId: "0" })).toBe(400);
    expect(code({ relationshipId: "0", objectIds: "1", definitionExpression: "nosuch = 1" })).toBe(400);
  });
});

describe("queryAttachments", () => {
  type Group = { parentObjectId: number; parentGlobalId: string; attachmentInfos: Record<string, unknown>[] };
  const groups = (layer: SampleLayer, params: Record<string, string>, layerUrl?: string) =>
    bodyOf(executeAttachmentQuery(layer, { f: "json", ...params }, { layerUrl })).attachmentGroups as Group[];

  it("groups attachment infos by parent with global ids, sizes and keywords", () => {
    const { gauges } = service();
    const body = bodyOf(executeAttachmentQuery(gauges, { objectIds: "1,2,5" }));
    expect((body.fields as { name: string }[]).map((f) => f.name)).toEqual(["objectid", "globalid"]);
    const result = body.attachmentGroups as Group[];
    expect(result.map((g) => g.parentObjectId)).toEqual([2, 5]);
    expect(result[0].parentGlobalId).toBe("{AAAAAAAA-0000-0000-0000-000000000002}");
    expect(result[0].attachmentInfos[0]).toEqual({
      id: 1, globalId: "{B1}", name: "photo.png", contentType: "image/png", size: 10, keywords: "photo,site", exifInfo: null,
    });
  });

  it("filters by definitionExpression, attachmentTypes, keywords and size", () => {
    const { gauges } = service();
    expect(groups(gauges, { definitionExpression: "objectid > 3" }).map((g) => g.parentObjectId)).toEqual([5]);
    expect(groups(gauges, { definitionExpression: "1=1", attachmentTypes: "image/png" }).flatMap((g) => g.attachmentInfos.map((a) => a.id))).toEqual([1]);
    expect(groups(gauges, { definitionExpression: "1=1", attachmentTypes: "image" }).flatMap((g) => g.attachmentInfos.map((a) => a.id))).toEqual([1, 3]);
    expect(groups(gauges, { definitionExpression: "1=1", keywords: "notes" }).flatMap((g) => g.attachmentInfos.map((a) => a.id))).toEqual([2]);
    expect(groups(gauges, { definitionExpression: "1=1", size: "15,1000" }).flatMap((g) => g.attachmentInfos.map((a) => a.id))).toEqual([2, 3]);
    expect(groups(gauges, { attachmentsDefinitionExpression: "CONTENT_TYPE LIKE 'text/%'" }).flatMap((g) => g.attachmentInfos.map((a) => a.id))).toEqual([2]);
    expect(groups(gauges, { globalIds: "aaaaaaaa-0000-0000-0000-000000000005" }).map((g) => g.parentObjectId)).toEqual([5]);
  });

  it("adds download URLs with returnUrl", () => {
    const { gauges } = service();
    const infos = groups(gauges, { objectIds: "5", returnUrl: "true" }, "http://127.0.0.1:1/arcgis/rest/services/G/FeatureServer/0/")[0].attachmentInfos;
    expect(infos[0].url).toBe("http://127.0.0.1:1/arcgis/rest/services/G/FeatureServer/0/5/attachments/3");
  });

  it("is an error on a layer without attachments", () => {
    expect(bodyOf(executeAttachmentQuery(pointLayer(), { objectIds: "1" })).error).toMatchObject({ code: 400 });
  });
});
