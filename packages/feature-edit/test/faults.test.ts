/**
 * No lost and no doubled edits under faults: answers dropped after the server applied a chunk,
 * cut connections, gateway errors, error bodies and late answers.
 */
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EditsAbortedError, FeatureService, type FeatureLayer } from "../src/index.js";
import { editDataset, LAYERS } from "./helpers/dataset.js";

let server: SampleServer;
let service: FeatureService;

beforeEach(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset(), seed: 7 });
  service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
});
afterEach(async () => {
  await server.close();
});

function storedNames(layerId: number): string[] {
  const layer = server.dataset.services.find((s) => s.name === "Edits/Inspections")?.layers.find((l) => l.id === layerId);
  return (layer?.features ?? []).map((f) => String(f.attributes.name));
}

function editRequests(): number {
  return server.requests.filter((r) => r.method === "POST" && /\/applyEdits$/.test(r.path)).length;
}

describe("edits under faults", () => {
  it("10,000 adds with 10% injected faults: every feature on the server exactly once or reported as not applied", async () => {
    const layer: FeatureLayer = await service.layer(LAYERS.inspections);
    const features = Array.from({ length: 10_000 }, (_, i) => ({ attributes: { name: `f-${i}`, visits: i % 100 } }));
    server.faults.random({ rate: 0.1, kinds: ["drop-after-apply", "cut", "status", "error-in-200"], match: /applyEdits/ });
    const result = await layer.addFeatures(features, { batchSize: 100 });
    server.faults.clear();

    const names = storedNames(LAYERS.inspections);
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    // Never doubled.
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    // Every input: on the server and reported applied, or absent and reported not applied.
    expect(result.unknown).toBe(0);
    for (const r of result.addResults) {
      const name = `f-${r.index}`;
      if (r.success) expect(counts.get(name), name).toBe(1);
      else {
        expect(counts.has(name), name).toBe(false);
        expect(["not-applied", "failed", "rolled-back"]).toContain(r.status);
      }
    }
    expect(names.length).toBe(result.applied);
    expect(await layer.count()).toBe(result.applied);
    // Faults really happened, some after the server had applied the chunk, and were recovered.
    const lost = result.chunks.filter((c) => c.lostResponse);
    expect(lost.length).toBeGreaterThanOrEqual(3);
    expect(result.chunks.some((c) => c.error && !c.lostResponse)).toBe(true);
    expect(result.addResults.some((r) => r.verified && r.success)).toBe(true);
    expect(result.chunks.some((c) => c.attempts > 1)).toBe(true);
    // Applied edits carry their object ids and GlobalIDs, whichever way they were established.
    const oids = new Set(result.addResults.filter((r) => r.success).map((r) => r.objectId));
    expect(oids.size).toBe(result.applied);
    expect(result.addResults.filter((r) => r.success).every((r) => typeof r.objectId === "number" && r.globalId)).toBe(true);
  }, 60_000);

  it("checks and resends a chunk whose answer was dropped after the server applied it: applied once, reported verified", async () => {
    const layer = await service.layer(LAYERS.inspections);
    server.faults.add({ match: /applyEdits/, fault: { kind: "drop-after-apply" } });
    const result = await layer.addFeatures([{ attributes: { name: "dropped-1" } }, { attributes: { name: "dropped-2" } }]);
    expect(result.addResults.map((r) => [r.status, r.verified])).toEqual([
      ["applied", true],
      ["applied", true],
    ]);
    expect(editRequests()).toBe(1);
    expect(storedNames(LAYERS.inspections).filter((n) => n.startsWith("dropped"))).toHaveLength(2);
  });

  it("resends only what a check shows not applied (cut before the server saw the request)", async () => {
    const layer = await service.layer(LAYERS.inspections);
    server.faults.add({ match: /applyEdits/, fault: { kind: "cut" } });
    const result = await layer.addFeatures([{ attributes: { name: "cut-1" } }]);
    expect(result.addResults[0]).toMatchObject({ status: "applied", verified: false });
    expect(result.chunks[0]).toMatchObject({ attempts: 2, lostResponse: true });
    expect(storedNames(LAYERS.inspections).filter((n) => n === "cut-1")).toHaveLength(1);
  });

  it("does not double an add whose answer came too late (timeout), even when the server applies it after the check", async () => {
    const layer = await service.layer(LAYERS.inspections);
    server.faults.add({ match: /applyEdits/, fault: { kind: "delay", ms: 600 } });
    const result = await layer.addFeatures([{ attributes: { name: "late" } }], { timeout: 200 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(result.addResults[0].status).toBe("applied");
    expect(storedNames(LAYERS.inspections).filter((n) => n === "late")).toHaveLength(1);
  });

  it("on a layer without GlobalIDs reports a lost chunk as unknown and never sends it again", async () => {
    const layer = await service.layer(LAYERS.noGlobalIds);
    server.faults.add({ match: /applyEdits/, fault: { kind: "drop-after-apply" } });
    const result = await layer.addFeatures([{ attributes: { name: "p-1" } }, { attributes: { name: "p-2" } }, { attributes: { name: "p-3" } }], { batchSize: 2 });
    expect(result.addResults.map((r) => [r.chunk, r.status])).toEqual([
      [0, "unknown"],
      [0, "unknown"],
      [1, "applied"],
    ]);
    expect(result.addResults[0].error?.description).toMatch(/GlobalID/);
    expect(editRequests()).toBe(2);
    expect(result.unknown).toBe(2);
  });

  it("an error body refuses the whole chunk: reported not applied, nothing on the server, not resent", async () => {
    const layer = await service.layer(LAYERS.inspections);
    server.faults.add({ match: /applyEdits/, fault: { kind: "error-in-200", code: 500, message: "Unable to complete operation." } });
    const result = await layer.addFeatures([{ attributes: { name: "refused" } }]);
    expect(result.addResults[0]).toMatchObject({ status: "not-applied", error: { code: 500 } });
    expect(editRequests()).toBe(1);
    expect(storedNames(LAYERS.inspections)).not.toContain("refused");
  });

  it("checks lost deletes and attribute updates by reading the features back", async () => {
    const layer = await service.layer(LAYERS.noGlobalIds);
    const added = await layer.addFeatures([{ attributes: { name: "u" } }, { attributes: { name: "d" } }]);
    const [u, d] = added.addResults.map((r) => r.objectId as number);
    server.faults.add({ match: /applyEdits/, fault: { kind: "drop-after-apply" }, times: 2 });
    const updated = await layer.updateFeatures([{ attributes: { objectid: u, visits: 7 } }]);
    expect(updated.updateResults[0]).toMatchObject({ status: "applied", verified: true });
    const deleted = await layer.deleteFeatures({ objectIds: [d] });
    expect(deleted.deleteResults[0]).toMatchObject({ status: "applied", verified: true });
    expect(editRequests()).toBe(3);
  });
});

describe("more edit shapes under faults", () => {
  it("checks a lost service-level applyEdits per layer", async () => {
    server.faults.add({ match: /FeatureServer\/applyEdits/, fault: { kind: "drop-after-apply" } });
    const result = await service.applyEdits([
      { id: LAYERS.inspections, adds: [{ attributes: { name: "svc-a" } }] },
      { id: LAYERS.notes, adds: [{ attributes: { text: "svc-b" } }] },
    ]);
    expect(result.addResults.map((r) => [r.layerId, r.status, r.verified])).toEqual([
      [LAYERS.inspections, "applied", true],
      [LAYERS.notes, "applied", true],
    ]);
    expect(editRequests()).toBe(1);
  });

  it("sends adds apart from updates and deletes so they can carry GlobalIDs, unless an atomic small job asks to stay whole", async () => {
    const layer = await service.layer(LAYERS.inspections);
    const seeded = await layer.addFeatures([{ attributes: { name: "mix-u" } }, { attributes: { name: "mix-d" } }]);
    const [u, d] = seeded.addResults.map((r) => r.objectId as number);
    server.clearRequests();
    const split = await layer.applyEdits({ adds: [{ attributes: { name: "mix-a" } }], updates: [{ attributes: { objectid: u, visits: 1 } }] });
    expect(split.chunks.map((c) => c.size)).toEqual([1, 1]);
    const bodies = server.requests.filter((r) => r.path.endsWith("/applyEdits")).map((r) => r.body);
    expect(bodies.map((b) => b.useGlobalIds)).toEqual(["true", "false"]);
    expect(JSON.parse(bodies[0].adds ?? "[]")[0].attributes.globalid).toBe(split.addResults[0].globalId);
    const whole = await layer.applyEdits({ adds: [{ attributes: { name: "mix-b" } }], deletes: [d] }, { rollbackOnFailure: true });
    expect(whole.chunks).toHaveLength(1);
    expect(whole.ok).toBe(true);
  });

  it("stops when cancelled and says what was applied", async () => {
    const layer = await service.layer(LAYERS.inspections);
    const controller = new AbortController();
    const error = await layer
      .addFeatures(
        Array.from({ length: 30 }, (_, i) => ({ attributes: { name: `abort-${i}` } })),
        { batchSize: 10, signal: controller.signal, onProgress: (p) => p.done === 10 && controller.abort(new Error("user stop")) },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditsAbortedError);
    const summary = (error as InstanceType<typeof EditsAbortedError>).summary;
    expect(summary.applied).toBe(10);
    expect(summary.addResults.slice(10).every((r) => r.status === "not-applied")).toBe(true);
    expect(await layer.count({ where: "name LIKE 'abort-%'" })).toBe(10);
  });
});
