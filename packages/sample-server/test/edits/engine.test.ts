/** The edit engine on the data model: ids, GlobalIDs, validation codes, rollback, calculate, uploads, change log. */
import { describe, expect, it } from "vitest";
import {
  applyLayerEdits,
  applyServiceEdits,
  calculate,
  changesSince,
  commitUpload,
  editStateOf,
  logChanges,
  parseCalcExpressions,
  registerUpload,
  uploadPart,
  type ApplyOptions,
} from "../../src/edits/index.js";
import { editDataset, inspectionsLayer } from "./edit-dataset.js";

const noRollback: ApplyOptions = { rollbackOnFailure: false, useGlobalIds: false };
const rollback: ApplyOptions = { rollbackOnFailure: true, useGlobalIds: false };

describe("edit engine: adds", () => {
  it("assigns object ids and GlobalIDs and stores checked values", () => {
    const layer = inspectionsLayer();
    const { addResults } = applyLayerEdits(
      layer,
      { adds: [{ attributes: { NAME: "third", inspected: 1700000000000, score: "2.5" }, geometry: { x: 1, y: 2 } }] },
      noRollback,
    );
    expect(addResults).toHaveLength(1);
    expect(addResults[0]).toMatchObject({ objectId: 3, success: true });
    expect(addResults[0].globalId).toMatch(/^\{[0-9A-F-]{36}\}$/);
    const stored = layer.features.find((f) => f.attributes.objectid === 3);
    expect(stored?.attributes).toMatchObject({ name: "third", inspected: 1700000000000, score: 2.5, visits: null });
    expect(stored?.geometry).toEqual({ x: 1, y: 2 });
    expect(layer.nextObjectId).toBe(4);
  });

  it("reports the real error code for each bad feature alone", () => {
    const layer = inspectionsLayer();
    const { addResults } = applyLayerEdits(
      layer,
      {
        adds: [
          { attributes: { name: "ok" } },
          { attributes: { name: "x".repeat(21) } },
          { attributes: { name: null } },
          { attributes: { name: "date", inspected: "2020-01-01" } },
          { attributes: { name: "int", visits: 40000 } },
          { attributes: { name: "geom" }, geometry: { paths: [[[0, 0], [1, 1]]] } },
        ],
      },
      noRollback,
    );
    expect(addResults.map((r) => r.success)).toEqual([true, false, false, false, false, false]);
    expect(addResults.map((r) => r.error?.code)).toEqual([undefined, 1000, 1001, 1000, 1000, 1015]);
    expect(addResults[1].error?.description).toMatch(/truncated/);
    expect(addResults[1].objectId).toBe(-1);
    expect(layer.features).toHaveLength(3);
  });

  it("applies nothing with rollbackOnFailure and marks the others rolled back (1003)", () => {
    const layer = inspectionsLayer();
    const before = layer.features.length;
    const { addResults } = applyLayerEdits(layer, { adds: [{ attributes: { name: "a" } }, { attributes: { name: null } }] }, rollback);
    expect(addResults.map((r) => r.error?.code)).toEqual([1003, 1001]);
    expect(layer.features).toHaveLength(before);
  });

  it("projects geometries given in Web Mercator into the layer's WGS84", () => {
    const layer = inspectionsLayer();
    applyLayerEdits(layer, { adds: [{ attributes: { name: "wm" }, geometry: { x: 0, y: 0, spatialReference: { wkid: 102100 } } }] }, noRollback);
    expect(layer.features.at(-1)?.geometry).toEqual({ x: 0, y: 0 });
  });

  it("takes client GlobalIDs with useGlobalIds and refuses duplicates (1022) and missing ones (1020)", () => {
    const layer = inspectionsLayer();
    const gid = "{ABCDEF01-2345-4789-8BCD-EF0123456789}";
    const options = { ...noRollback, useGlobalIds: true };
    const first = applyLayerEdits(layer, { adds: [{ attributes: { name: "g", globalid: gid.toLowerCase() } }] }, options);
    expect(first.addResults[0]).toMatchObject({ success: true, globalId: gid });
    const again = applyLayerEdits(layer, { adds: [{ attributes: { name: "g", globalid: gid } }, { attributes: { name: "none" } }] }, options);
    expect(again.addResults.map((r) => r.error?.code)).toEqual([1022, 1020]);
    expect(layer.features.filter((f) => f.attributes.globalid === gid)).toHaveLength(1);
  });
});

describe("edit engine: updates and deletes", () => {
  it("updates by object id or GlobalID and deletes, reporting 1011 for missing objects", () => {
    const layer = inspectionsLayer();
    const result = applyLayerEdits(
      layer,
      { updates: [{ attributes: { objectid: 1, score: 9 } }, { attributes: { objectid: 99, score: 1 } }], deletes: [2, 77] },
      noRollback,
    );
    expect(result.updateResults.map((r) => [r.objectId, r.success, r.error?.code])).toEqual([
      [1, true, undefined],
      [99, false, 1011],
    ]);
    expect(result.deleteResults.map((r) => [r.objectId, r.success, r.error?.code])).toEqual([
      [2, true, undefined],
      [77, false, 1011],
    ]);
    expect(layer.features.map((f) => f.attributes.objectid)).toEqual([1]);
    expect(layer.features[0].attributes.score).toBe(9);

    const byGid = applyLayerEdits(
      layer,
      { updates: [{ attributes: { globalid: "{11111111-1111-4111-8111-111111111111}", name: "renamed" } }] },
      { ...noRollback, useGlobalIds: true },
    );
    expect(byGid.updateResults[0]).toMatchObject({ objectId: 1, success: true });
    expect(layer.features[0].attributes.name).toBe("renamed");
  });

  it("rolls back every layer of a service-level applyEdits when one edit fails", () => {
    const dataset = editDataset();
    const service = dataset.services[0];
    const [points, notes] = service.layers;
    const results = applyServiceEdits(
      service,
      [
        { id: 0, adds: [{ attributes: { name: "p" } }] },
        { id: 1, adds: [{ attributes: { text: "t".repeat(60) } }] },
      ],
      rollback,
      (id) => service.layers.find((l) => l.id === id),
    );
    expect(results.map((r) => r.addResults[0].error?.code)).toEqual([1003, 1000]);
    expect(points.features).toHaveLength(2);
    expect(notes.features).toHaveLength(0);
  });
});

describe("edit engine: calculate, uploads, change log", () => {
  it("calculates values and simple expressions all or nothing", () => {
    const layer = inspectionsLayer();
    const exprs = parseCalcExpressions([{ field: "visits", sqlExpression: "visits * 10 + 1" }, { field: "name", value: "calc" }], layer);
    const { updatedFeatureCount } = calculate(layer, [1, 2], exprs);
    expect(updatedFeatureCount).toBe(2);
    expect(layer.features.map((f) => [f.attributes.visits, f.attributes.name])).toEqual([
      [11, "calc"],
      [21, "calc"],
    ]);
    const tooLong = parseCalcExpressions([{ field: "name", value: "y".repeat(30) }], layer);
    expect(() => calculate(layer, [1], tooLong)).toThrow(/truncated/);
    expect(layer.features[0].attributes.name).toBe("calc");
  });

  it("joins upload parts in order on commit", () => {
    const state = editStateOf(editDataset());
    const item = registerUpload(state, "Edits/Inspections", "big.bin", undefined);
    uploadPart(item, 2, new Uint8Array([3, 4]));
    uploadPart(item, 1, new Uint8Array([1, 2]));
    commitUpload(item, undefined);
    expect([...(item.data ?? [])]).toEqual([1, 2, 3, 4]);
    expect(item.committed).toBe(true);
  });

  it("logs committed changes by server generation", () => {
    const dataset = editDataset();
    const state = editStateOf(dataset);
    const layer = dataset.services[0].layers[0];
    const start = state.serverGen;
    const onCommit: ApplyOptions["onCommit"] = (l, c) => logChanges(state, l, c);
    applyLayerEdits(layer, { adds: [{ attributes: { name: "n" } }], deletes: [1] }, { ...noRollback, onCommit });
    const mid = state.serverGen;
    applyLayerEdits(layer, { updates: [{ attributes: { objectid: 2, score: 3 } }] }, { ...noRollback, onCommit });
    expect(changesSince(state, layer, start).map((c) => c.kind).sort()).toEqual(["add", "delete", "update"]);
    expect(changesSince(state, layer, mid).map((c) => [c.kind, c.objectId])).toEqual([["update", 2]]);
  });
});
