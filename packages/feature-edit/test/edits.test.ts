/** Layer and service edits over HTTP against the sample server: results per feature, inputs, rollback, capabilities. */
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureService, type FeatureLayer } from "../src/index.js";
import { editDataset, LAYERS } from "./helpers/dataset.js";

let server: SampleServer;
let service: FeatureService;
let inspections: FeatureLayer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
  inspections = await service.layer("inspections");
});
afterAll(async () => {
  await server.close();
});

describe("FeatureLayer edits", () => {
  it("adds Esri JSON and GeoJSON features, with Dates sent as epoch milliseconds", async () => {
    const when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const result = await inspections.addFeatures([
      { attributes: { name: "esri", inspected: when, score: 1.5 }, geometry: { x: -122.41, y: 37.77 } },
      { type: "Feature", properties: { name: "geojson", inspected: when }, geometry: { type: "Point", coordinates: [-122.42, 37.78] } },
    ]);
    expect(result.ok).toBe(true);
    expect(result.addResults.map((r) => r.status)).toEqual(["applied", "applied"]);
    const [a, b] = result.addResults;
    expect(a.objectId).toBeTypeOf("number");
    expect(a.globalId).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(b.index).toBe(1);
    const stored = server.dataset.services.find((s) => s.name === "Edits/Inspections")?.layers[0].features ?? [];
    const byOid = new Map(stored.map((f) => [f.attributes.objectid, f]));
    expect(byOid.get(a.objectId as number)?.attributes.inspected).toBe(when.getTime());
    expect(byOid.get(b.objectId as number)?.geometry).toEqual({ x: -122.42, y: 37.78 });
    expect(byOid.get(a.objectId as number)?.attributes.globalid).toBe(a.globalId);
  });

  it("reports a validation error for that feature alone", async () => {
    const result = await inspections.addFeatures([
      { attributes: { name: "fine-1" } },
      { attributes: { name: "this name is far too long for the field" } },
      { attributes: { name: "fine-2" } },
    ]);
    expect(result.addResults.map((r) => r.status)).toEqual(["applied", "failed", "applied"]);
    const bad = result.addResults[1];
    expect(bad.success).toBe(false);
    expect(bad.error?.code).toBe(1000);
    expect(bad.error?.description).toMatch(/truncated/);
    expect(bad.objectId).toBeUndefined();
    expect(result).toMatchObject({ applied: 2, notApplied: 1, unknown: 0, ok: false });
  });

  it("with rollbackOnFailure reports a failed chunk as wholly not applied", async () => {
    const before = await inspections.count();
    const result = await inspections.addFeatures(
      [{ attributes: { name: "rb-1" } }, { attributes: { name: null } }, { attributes: { name: "rb-3" } }],
      { rollbackOnFailure: true },
    );
    expect(result.addResults.map((r) => r.status)).toEqual(["rolled-back", "failed", "rolled-back"]);
    expect(result.addResults[1].error?.code).toBe(1001);
    expect(result.applied).toBe(0);
    expect(await inspections.count()).toBe(before);
  });

  it("updates and deletes, by ids, where clause and geometry", async () => {
    const added = await inspections.addFeatures([
      { attributes: { name: "upd", visits: 1 }, geometry: { x: 10, y: 10 } },
      { attributes: { name: "del-where", visits: 99 }, geometry: { x: 11, y: 11 } },
      { attributes: { name: "del-geom", visits: 5 }, geometry: { x: 50, y: 50 } },
    ]);
    const [upd] = added.addResults;
    const updated = await inspections.updateFeatures([{ attributes: { objectid: upd.objectId, visits: 2 } }, { attributes: { objectid: 999999, visits: 3 } }]);
    expect(updated.updateResults.map((r) => [r.status, r.error?.code])).toEqual([
      ["applied", undefined],
      ["failed", 1011],
    ]);
    const byWhere = await inspections.deleteFeatures({ where: "visits = 99" });
    expect(byWhere.deleteResults.map((r) => r.objectId)).toEqual([added.addResults[1].objectId]);
    const byGeometry = await inspections.deleteFeatures({ geometry: { xmin: 49, ymin: 49, xmax: 51, ymax: 51, spatialReference: { wkid: 4326 } } });
    expect(byGeometry.deleteResults.map((r) => [r.objectId, r.status])).toEqual([[added.addResults[2].objectId, "applied"]]);
    expect(await inspections.count({ where: "name LIKE 'del-%'" })).toBe(0);
  });

  it("refuses adds on a layer without Create with the server's error, for every feature", async () => {
    const readOnly = await service.layer(LAYERS.readOnly);
    const result = await readOnly.addFeatures([{ attributes: { name: "x" } }, { attributes: { name: "y" } }]);
    expect(result.addResults.map((r) => r.status)).toEqual(["not-applied", "not-applied"]);
    expect(result.addResults[0].error).toMatchObject({ code: 400 });
    expect(result.addResults[0].error?.description).toMatch(/not supported/);
  });

  it("edits several layers in one service-level applyEdits", async () => {
    const result = await service.applyEdits([
      { id: LAYERS.inspections, adds: [{ attributes: { name: "svc" } }] },
      { id: LAYERS.notes, adds: [{ attributes: { text: "a note" } }, { attributes: { text: "x".repeat(80) } }] },
    ]);
    expect(result.addResults.map((r) => [r.layerId, r.index, r.status])).toEqual([
      [0, 0, "applied"],
      [3, 0, "applied"],
      [3, 1, "failed"],
    ]);
  });

  it("sends large inputs in chunks with progress", async () => {
    const progress: number[] = [];
    const features = Array.from({ length: 250 }, (_, i) => ({ attributes: { name: `bulk-${i}` } }));
    const result = await inspections.addFeatures(features, { batchSize: 100, onProgress: (p) => progress.push(p.done) });
    expect(result.chunks.map((c) => c.size)).toEqual([100, 100, 50]);
    expect(progress).toEqual([100, 200, 250]);
    expect(result.addResults.map((r) => r.chunk)).toEqual([...Array(100).fill(0), ...Array(100).fill(1), ...Array(50).fill(2)]);
    expect(await inspections.count({ where: "name LIKE 'bulk-%'" })).toBe(250);
  });
});

describe("inputs", () => {
  it("takes a GeoJSON FeatureCollection, updates by GeoJSON id, deletes by GlobalID", async () => {
    const added = await inspections.addFeatures({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { name: "fc-1" }, geometry: { type: "Point", coordinates: [1, 2] } }],
    });
    const [{ objectId, globalId }] = added.addResults;
    const updated = await inspections.updateFeatures([{ type: "Feature", id: objectId, properties: { visits: 4 }, geometry: null }]);
    expect(updated.updateResults[0]).toMatchObject({ status: "applied", objectId });
    const deleted = await inspections.deleteFeatures({ globalIds: [globalId as string] });
    expect(deleted.deleteResults[0].status).toBe("applied");
    expect(await inspections.count({ where: "name = 'fc-1'" })).toBe(0);
  });

  it("names the bad input before sending anything", async () => {
    await expect(inspections.addFeatures([{ attributes: { name: { nested: true } } }])).rejects.toThrow(/adds\[0\]\.attributes\.name/);
    await expect(inspections.deleteFeatures({ objectIds: [1.5] })).rejects.toThrow(/deletes\[0\]/);
    await expect(inspections.addFeatures("nope" as never)).rejects.toThrow(/adds/);
  });
});
