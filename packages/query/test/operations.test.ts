import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ArcGISRequestError, Geometry, Session, ValidationError } from "@arcrest/core";
import { GAUGE_COUNT, SACRAMENTO_BOX, SACRAMENTO_GAUGES, createDefaultDataset, startSampleServer } from "@arcrest/sample-server";
import { describe, expect, it } from "vitest";
import {
  MapService,
  MapServiceLayer,
  exportMap,
  getFeature,
  queryAttachments,
  queryCount,
  queryDistinctValues,
  queryFeatures,
  queryObjectIds,
  queryRelatedRecords,
  queryService,
  queryStatistics,
} from "../src/index.js";
import { saveAttachment, saveMapImage } from "../src/node/index.js";
import { collect, queryRequests, useSampleServer } from "./support.js";

const ctx = useSampleServer();
const gaugesUrl = () => `${ctx.rest}/ahps_gauges/MapServer/0`;
const call = () => ({ session: ctx.session });

function pngSize(bytes: Uint8Array): [number, number] {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe("count, ids, statistics, distinct values", () => {
  it("counts with returnCountOnly, honouring where and spatial filters", async () => {
    expect(await queryCount(gaugesUrl(), call())).toBe(GAUGE_COUNT);
    const ca = await queryCount(gaugesUrl(), { ...call(), where: "state = 'CA'" });
    expect(ca).toBeGreaterThan(SACRAMENTO_GAUGES);
    expect(await queryCount(gaugesUrl(), { ...call(), geometry: SACRAMENTO_BOX, inSR: 4326 })).toBe(SACRAMENTO_GAUGES);
    const last = queryRequests(ctx.server).at(-1);
    expect(last).toMatchObject({ returnCountOnly: "true", geometryType: "esriGeometryEnvelope", inSR: "4326" });
  });

  it("accepts any geometry input and fills geometryType/inSR itself; buffers with distance/units", async () => {
    const [xmin, ymin, xmax, ymax] = SACRAMENTO_BOX;
    const polygon = { rings: [[[xmin, ymin], [xmin, ymax], [xmax, ymax], [xmax, ymin], [xmin, ymin]]], spatialReference: { wkid: 4326 } };
    const geojson = new Geometry(polygon).toGeoJSON();
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    const byPolygon = await lyr.count({ geometry: polygon });
    const byGeoJSON = await lyr.count({ geometry: geojson ?? undefined });
    expect(byPolygon).toBe(SACRAMENTO_GAUGES);
    expect(byGeoJSON).toBe(SACRAMENTO_GAUGES);
    const centre: [number, number] = [(xmin + xmax) / 2, (ymin + ymax) / 2];
    const near = await lyr.count({ geometry: centre, inSR: 4326, distance: 5, units: "kilometers" });
    const wider = await lyr.count({ geometry: centre, inSR: 4326, distance: 50, units: "kilometers" });
    expect(wider).toBeGreaterThan(near);
    const q = queryRequests(ctx.server).at(-1);
    expect(q).toMatchObject({ distance: "50", units: "esriSRUnit_Kilometer", geometryType: "esriGeometryPoint" });
    const selected = await lyr.selectByLocation(centre, { inSR: 4326, distance: 50, units: "kilometers", outFields: ["gaugelid"] });
    expect(selected.features).toHaveLength(wider);
  });

  it("returns sorted object ids, and parses ids the way servers send them", async () => {
    const { objectIds, objectIdFieldName } = await queryObjectIds(gaugesUrl(), { ...call(), where: "state = 'CA'" });
    expect(objectIdFieldName).toBe("objectid");
    expect(objectIds).toEqual([...objectIds].sort((a, b) => a - b));
    expect(objectIds).toHaveLength(await queryCount(gaugesUrl(), { ...call(), where: "state = 'CA'" }));
  });

  it("computes grouped statistics", async () => {
    const rows = await queryStatistics(gaugesUrl(), {
      ...call(),
      groupBy: ["state"],
      outStatistics: [
        { statisticType: "count", onStatisticField: "objectid", outStatisticFieldName: "n" },
        { statisticType: "max", onStatisticField: "stage" },
      ],
      orderByFields: "state",
    });
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.reduce((sum, r) => sum + (r.n as number), 0)).toBe(GAUGE_COUNT);
    expect(Object.keys(rows[0]).sort()).toEqual(["max_stage", "n", "state"]);
    const ca = rows.find((r) => r.state === "CA");
    expect(ca?.n).toBe(await queryCount(gaugesUrl(), { ...call(), where: "state = 'CA'" }));
    await expect(queryStatistics(gaugesUrl(), { outStatistics: [] })).rejects.toBeInstanceOf(ValidationError);
  });

  it("lists distinct values of one field or several", async () => {
    const states = await queryDistinctValues(gaugesUrl(), "state", call());
    expect(states).toContain("CA");
    expect(new Set(states).size).toBe(states.length);
    expect([...states]).toEqual([...states].sort());
    const pairs = await queryDistinctValues(gaugesUrl(), ["state", "status"], { ...call(), where: "state = 'CA'" });
    expect(pairs.every((p) => p.state === "CA")).toBe(true);
    expect(new Set(pairs.map((p) => p.status)).size).toBe(pairs.length);
  });
});

describe("queryFeatures", () => {
  it("normalises values: dates as Date, keys in the layer's case, GUIDs braced upper case, coded values decodable", async () => {
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    const { features, fields, objectIdFieldName } = await lyr.query({ where: "objectid <= 5", outFields: ["OBJECTID", "GaugeLID", "obstime", "status"] });
    expect(objectIdFieldName).toBe("objectid");
    expect(fields.length).toBeGreaterThan(0);
    expect(features).toHaveLength(5);
    for (const f of features) {
      expect(Object.keys(f.attributes).sort()).toEqual(["gaugelid", "objectid", "obstime", "status"]);
      expect(f.attributes.obstime).toBeInstanceOf(Date);
    }
    const decode = lyr.decoder();
    const codes = new Set(lyr.field("status")?.domain?.codedValues?.map((c) => c.code));
    const names = new Set(lyr.field("status")?.domain?.codedValues?.map((c) => c.name));
    expect(codes.has(features[0].attributes.status as string)).toBe(true);
    expect(names.has(decode(features[0].attributes).status as string)).toBe(true);
    const decoded = await lyr.query({ where: "objectid <= 5", outFields: ["status"], normalize: { decodeDomains: true } });
    expect(decoded.features.map((f) => f.attributes.status)).toEqual(features.map((f) => decode(f.attributes).status));
    const raw = await lyr.query({ where: "objectid <= 5", outFields: ["obstime"], normalize: false });
    expect(typeof raw.features[0].attributes.obstime).toBe("number");

    const incidents = await MapServiceLayer.connect(`${ctx.rest}/SanFrancisco/311Incidents/FeatureServer/0`, call());
    const rows = await incidents.query({ where: "1=1", outFields: ["globalid", "req_date"], resultRecordCount: 5 });
    expect(rows.features).toHaveLength(5);
    for (const r of rows.features) {
      expect(r.attributes.globalid).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      // A string field holding a date stays a string: only esriFieldTypeDate values become Date.
      expect(typeof r.attributes.req_date).toBe("string");
    }
  });

  it("projects with outSR, orders with orderByFields and sends a time filter", async () => {
    const wgs = await queryFeatures(gaugesUrl(), { ...call(), where: "objectid = 1" });
    const merc = await queryFeatures(gaugesUrl(), { ...call(), where: "objectid = 1", outSR: 3857 });
    const p = wgs.features[0].geometry as { x: number; y: number };
    const m = merc.features[0].geometry as { x: number; y: number };
    expect(merc.spatialReference?.wkid === 3857 || merc.spatialReference?.wkid === 102100).toBe(true);
    expect(m.x).toBeCloseTo((p.x * Math.PI * 6378137) / 180, 0);
    const ordered = await queryFeatures(gaugesUrl(), { ...call(), where: "state = 'CA'", orderByFields: ["stage DESC"], outFields: "stage" });
    const stages = ordered.features.map((f) => f.attributes.stage as number);
    expect(stages).toEqual([...stages].sort((a, b) => b - a));
    await queryFeatures(gaugesUrl(), { ...call(), where: "objectid = 1", time: [new Date(Date.UTC(2020, 0, 1)), null] });
    expect(queryRequests(ctx.server).at(-1)?.time).toBe(`${Date.UTC(2020, 0, 1)},null`);
  });

  it("filters a time-aware layer by a time extent", async () => {
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    expect(lyr.info.timeInfo?.startTimeField).toBe("obstime");
    const times = (await lyr.query({ outFields: ["obstime"], orderByFields: "obstime", resultRecordCount: 1000 })).features.map((f) => (f.attributes.obstime as Date).getTime());
    const mid = times[Math.floor(times.length / 2)];
    const later = await lyr.count({ time: [mid, null] });
    const byWhere = (await collect(lyr.features({ outFields: ["obstime"] })))
      .filter((f) => (f.attributes.obstime as Date).getTime() >= mid).length;
    expect(later).toBe(byWhere);
    expect(later).toBeGreaterThan(0);
    expect(later).toBeLessThan(GAUGE_COUNT);
    const streamed = await collect(lyr.features({ time: [mid, null], outFields: ["obstime"], pageSize: 500 }));
    expect(streamed).toHaveLength(later);
  });

  it("returns GeoJSON with f=geojson", async () => {
    const fc = await queryFeatures(gaugesUrl(), { ...call(), where: "objectid <= 3", f: "geojson" });
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0].geometry?.type).toBe("Point");
  });

  it("turns bad input into typed errors naming what was wrong", async () => {
    await expect(queryFeatures(gaugesUrl(), { where: "nonsense ===" })).rejects.toBeInstanceOf(ArcGISRequestError);
    await expect(queryFeatures("not a url")).rejects.toThrow(/url/);
    await expect(queryFeatures(gaugesUrl(), { distance: 5 })).rejects.toThrow(/distance/);
    await expect(queryFeatures(gaugesUrl(), { outSR: -1 })).rejects.toThrow(/outSR/);
    await expect(queryFeatures(gaugesUrl(), { spatialRel: "near" as "within", geometry: [0, 0] })).rejects.toThrow(/spatialRel/);
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    await expect(lyr.query({ getAll: true, resultOffset: 10 })).rejects.toThrow(/getAll/);
  });

  it("fetches one feature by id", async () => {
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    const f = await lyr.getFeature(7);
    expect(f.attributes.objectid).toBe(7);
    expect(f.attributes.obstime).toBeInstanceOf(Date);
    const plain = await getFeature(gaugesUrl(), 7, call());
    expect(plain.attributes.objectid).toBe(7);
  });
});

describe("related records", () => {
  it("queries records related through a relationship, by id or by name", async () => {
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    const result = await lyr.queryRelatedRecords({ objectIds: [1, 2, 3], relationship: "gauge_owners", outFields: ["gaugelid", "agency", "since"] });
    expect(result.groups.map((g) => g.objectId).sort()).toEqual([1, 2, 3]);
    const sources = await lyr.query({ objectIds: [1, 2, 3], outFields: ["objectid", "gaugelid"] });
    for (const group of result.groups) {
      const lid = sources.features.find((f) => f.attributes.objectid === group.objectId)?.attributes.gaugelid;
      expect(group.relatedRecords.length).toBeGreaterThan(0);
      for (const r of group.relatedRecords) {
        expect(r.attributes.gaugelid).toBe(lid);
        expect(r.attributes.since === null || r.attributes.since instanceof Date).toBe(true);
      }
    }
    const counts = await lyr.relatedRecordCount({ objectIds: [1, 2, 3] });
    for (const group of result.groups) expect(counts.get(group.objectId)).toBe(group.relatedRecords.length);
    const plain = await queryRelatedRecords(gaugesUrl(), { ...call(), objectIds: [1], relationshipId: 0 });
    expect(plain.groups[0].relatedRecords.length).toBe(result.groups.find((g) => g.objectId === 1)?.relatedRecords.length);
    expect(() => lyr.relationshipId("nope")).toThrow(ValidationError);
  });
});

describe("attachments", () => {
  it("lists and downloads a feature's attachments", async () => {
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    const list = await lyr.attachments(1);
    expect(list.map((a) => a.contentType).sort()).toEqual(["image/png", "image/png", "text/plain"]);
    for (const attachment of list) {
      const bytes = await attachment.download();
      expect(bytes.byteLength).toBe(attachment.size);
      if (attachment.contentType === "image/png") pngSize(bytes);
      else expect(new TextDecoder().decode(bytes)).toMatch(/^Gauge /);
    }
    expect(await lyr.attachments(4)).toEqual([]);
    // The seed's download("folder"), from JavaScript: refused, naming the Node helper, before any request.
    const refused = (list[0].download as (options: unknown) => Promise<Uint8Array>)("out/attachments");
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(/saveAttachment \(@arcrest\/query\/node\)/);
    await expect(queryFeatures(gaugesUrl(), "1=1" as never)).rejects.toThrow(/options: must be an options object/);
    const dir = await mkdtemp(join(tmpdir(), "arcrest-att-"));
    try {
      const path = await saveAttachment(list[0], `${dir}/`);
      expect(path).toBe(join(dir, list[0].name));
      expect((await readFile(path)).byteLength).toBe(list[0].size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("queries attachments of many features, with queryAttachments and with the per-feature fallback", async () => {
    const byQuery = await queryAttachments(gaugesUrl(), { ...call(), definitionExpression: "objectid <= 10", mode: "query" });
    const byFeature = await queryAttachments(gaugesUrl(), { ...call(), objectIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], mode: "per-feature" });
    const summary = (groups: typeof byQuery) =>
      groups.map((g) => [g.parentObjectId, g.attachments.map((a) => `${a.id}:${a.name}:${a.size}`).sort()]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(summary(byQuery)).toEqual(summary(byFeature));
    expect(byQuery.map((g) => g.parentObjectId).sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 8]);
    const photos = await queryAttachments(gaugesUrl(), { ...call(), objectIds: [1, 2, 3], attachmentTypes: ["image/png"], mode: "per-feature" });
    expect(photos.flatMap((g) => g.attachments).every((a) => a.contentType === "image/png")).toBe(true);
    const bytes = await byQuery[0].attachments[0].download();
    expect(bytes.byteLength).toBe(byQuery[0].attachments[0].size);
    // A layer whose server lacks queryAttachments falls back by itself.
    const lyr = await MapServiceLayer.connect(gaugesUrl(), call());
    const auto = await lyr.queryAttachments({ objectIds: [13] });
    expect(auto[0].attachments.map((a) => a.contentType).sort()).toEqual(["image/png", "image/png", "text/plain"]);
  });
});

describe("map export and service-level query", () => {
  it("exports a map image of the requested size to bytes and to a file", async () => {
    const svc = await MapService.connect(`${ctx.rest}/ahps_gauges/MapServer`, call());
    const image = await svc.export({ bbox: [-125, 32, -114, 42], bboxSR: 4326, size: [320, 200] });
    expect(image.contentType).toBe("image/png");
    expect(pngSize(image.bytes)).toEqual([320, 200]);
    const byGeometry = await exportMap(svc.url, { ...call(), bbox: { xmin: -125, ymin: 32, xmax: -114, ymax: 42, spatialReference: { wkid: 4326 } }, size: [64, 48] });
    expect(pngSize(byGeometry.bytes)).toEqual([64, 48]);
    const dir = await mkdtemp(join(tmpdir(), "arcrest-map-"));
    try {
      const path = await saveMapImage(svc.url, join(dir, "sub", "map.png"), { ...call(), bbox: [-125, 32, -114, 42], size: [100, 80] });
      expect(pngSize(new Uint8Array(await readFile(path)))).toEqual([100, 80]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(svc.export({ bbox: [1, 1, 0, 0] })).rejects.toThrow(/bbox/);
  });

  it("queries several layers with layerDefs", async () => {
    const results = await queryService(`${ctx.rest}/ahps_gauges/MapServer`, {
      ...call(),
      layerDefs: { 0: "state = 'CA'", 1: { where: "state = 'CA'", outFields: ["gaugelid"] } },
      returnGeometry: false,
    });
    expect(results.map((r) => r.id)).toEqual([0, 1]);
    expect(results[0].features.every((f) => f.attributes.state === "CA")).toBe(true);
    expect(Object.keys(results[1].features[0].attributes)).toEqual(["gaugelid"]);
    const fs = await MapService.connect(`${ctx.rest}/SanFrancisco/311Incidents/FeatureServer`, call());
    ctx.server.clearRequests();
    const viaService = await fs.query({ layerDefs: { 0: "status = 1" }, getAll: true });
    expect(viaService[0].features.length).toBe(await queryCount(`${fs.url}/0`, { ...call(), where: "status = 1" }));
    // A FeatureServer answers with one service-level query.
    expect(ctx.server.requests.filter((r) => /FeatureServer\/query$/.test(r.path))).toHaveLength(1);
  });

  it("reads a layer cut at the transfer limit of a service-level query again, completely, with getAll", async () => {
    const dataset = createDefaultDataset();
    const incidents = dataset.services.find((s) => s.name === "SanFrancisco/311Incidents")?.layers[0];
    if (!incidents) throw new Error("no incidents layer");
    incidents.maxRecordCount = 100;
    const small = await startSampleServer({ port: 0, dataset });
    try {
      const url = `${small.restUrl}/SanFrancisco/311Incidents/FeatureServer`;
      const session = new Session();
      const one = await queryService(url, { session, layerDefs: { 0: "1=1" } });
      expect(one[0].features).toHaveLength(100);
      expect(one[0].exceededTransferLimit).toBe(true);
      const all = await queryService(url, { session, layerDefs: { 0: "1=1" }, getAll: true });
      expect(all[0].features).toHaveLength(incidents.features.length);
      expect(new Set(all[0].features.map((f) => f.attributes.objectid)).size).toBe(incidents.features.length);
    } finally {
      await small.close();
    }
  });
});
