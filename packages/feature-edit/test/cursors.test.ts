/** calculate, insert cursors and update cursors over HTTP. */
import { Geometry } from "@arcrest/core";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureService, type FeatureLayer } from "../src/index.js";
import { editDataset, LAYERS } from "./helpers/dataset.js";

let server: SampleServer;
let layer: FeatureLayer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  const service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
  layer = await service.layer(LAYERS.inspections);
});
afterAll(async () => {
  await server.close();
});

describe("insert cursor", () => {
  it("queues rows and adds them in chunks on close", async () => {
    const cursor = layer.insertCursor(["name", "visits", "inspected", "SHAPE@XY"], { batchSize: 2 });
    const when = new Date(Date.UTC(2023, 5, 1));
    cursor.insertRow(["ins-1", 1, when, [-120, 35]]);
    cursor.insertRow({ name: "ins-2", visits: 2, "SHAPE@": new Geometry([-121, 36], { spatialReference: 4326 }) });
    cursor.insertRow(["ins-3", 3, null, null]);
    expect(cursor.pending).toBe(3);
    expect(await layer.count({ where: "name LIKE 'ins-%'" })).toBe(0);
    const summary = await cursor.close();
    expect(summary.chunks).toHaveLength(2);
    expect(summary.addResults.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    expect(await cursor.close()).toBe(summary);
    const rows = await layer.query({ where: "name LIKE 'ins-%'", outFields: ["name", "inspected"], orderByFields: "name" });
    expect(rows.features.map((f) => f.geometry ?? null)).toEqual([
      expect.objectContaining({ x: -120, y: 35 }),
      expect.objectContaining({ x: -121, y: 36 }),
      null,
    ]);
    expect(() => cursor.insertRow(["late", 1, null, null])).toThrow(/closed/);
  });

  it("refuses unknown fields and wrong row lengths before sending anything", () => {
    expect(() => layer.insertCursor(["nope"])).toThrow(/not a field/);
    const cursor = layer.insertCursor(["name"]);
    expect(() => cursor.insertRow(["a", "b"])).toThrow(/2 values for 1 fields/);
  });
});

describe("update cursor", () => {
  it("updates and deletes the current rows, applied on close", async () => {
    await layer.addFeatures(Array.from({ length: 6 }, (_, i) => ({ attributes: { name: `upd-${i}`, visits: i } })));
    const cursor = layer.updateCursor({ where: "name LIKE 'upd-%'", fields: ["name", "visits"], batchSize: 2 });
    for await (const [name, visits] of cursor) {
      if (visits === 0) cursor.deleteRow();
      else cursor.updateRow([`${String(name)}!`, Number(visits) * 10]);
    }
    expect(cursor.pending).toBe(6);
    const summary = await cursor.close();
    expect(summary.updateResults.filter((r) => r.success)).toHaveLength(5);
    expect(summary.deleteResults.map((r) => r.status)).toEqual(["applied"]);
    const after = await layer.query({ where: "name LIKE 'upd-%'", outFields: ["name", "visits"], orderByFields: "visits" });
    expect(after.features.map((f) => [f.attributes.name, f.attributes.visits])).toEqual([
      ["upd-1!", 10],
      ["upd-2!", 20],
      ["upd-3!", 30],
      ["upd-4!", 40],
      ["upd-5!", 50],
    ]);
  });

  it("needs a current row", () => {
    const cursor = layer.updateCursor({ fields: ["name"] });
    expect(() => cursor.deleteRow()).toThrow(/no current row/);
  });
});

describe("calculate", () => {
  it("sets values and expressions for matching features", async () => {
    await layer.addFeatures([{ attributes: { name: "calc-a", visits: 2 } }, { attributes: { name: "calc-b", visits: 5 } }]);
    const byValue = await layer.calculate({ score: 1.25, inspected: new Date(0) }, { where: "name LIKE 'calc-%'" });
    expect(byValue).toMatchObject({ status: "applied", updatedFeatureCount: 2 });
    const byExpression = await layer.calculate([{ field: "score", sqlExpression: "visits * 2" }], { where: "name LIKE 'calc-%'" });
    expect(byExpression.status).toBe("applied");
    const rows = await layer.query({ where: "name LIKE 'calc-%'", outFields: ["score", "inspected"], orderByFields: "name", returnGeometry: false });
    expect(rows.features.map((f) => f.attributes.score)).toEqual([4, 10]);
    const refused = await layer.calculate({ name: "x".repeat(40) }, { where: "name = 'calc-a'" });
    expect(refused).toMatchObject({ status: "not-applied", success: false });
    expect(refused.error?.description).toMatch(/truncated/);
    await expect(layer.calculate({ nope: 1 })).rejects.toThrow(/not a field/);
  });
});
