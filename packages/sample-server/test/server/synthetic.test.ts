import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSyntheticPointsService, startSampleServer, syntheticPointSource, type SampleServer } from "../../src/index.js";
import { executeQuery } from "../../src/query/index.js";
import { getJson } from "../helpers/http.js";

describe("synthetic points", () => {
  it("generates a million points lazily, without holding them", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const service = createSyntheticPointsService(1_000_000, 5);
    const layer = service.layers[0];
    expect(layer.features).toHaveLength(1_000_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20 * 1024 * 1024);
    expect(layer.lazy?.count).toBe(1_000_000);
    expect(layer.features[999_999].attributes.objectid).toBe(1_000_000);
    expect(layer.features[1_000_000]).toBeUndefined();
    expect(Array.isArray(layer.features)).toBe(true);
    expect(layer.features.slice(10, 13).map((f) => f.attributes.objectid)).toEqual([11, 12, 13]);
  });

  it("is deterministic per (seed, index) and stays in its extent", () => {
    const a = syntheticPointSource(1000, 3);
    const b = syntheticPointSource(1000, 3);
    const c = syntheticPointSource(1000, 4);
    expect(b.featureAt(500)).toEqual(a.featureAt(500));
    expect(c.featureAt(500)).not.toEqual(a.featureAt(500));
    for (let i = 0; i < 1000; i++) {
      const { x, y } = a.featureAt(i).geometry as { x: number; y: number };
      expect(x).toBeGreaterThanOrEqual(a.extent.xmin);
      expect(x).toBeLessThanOrEqual(a.extent.xmax);
      expect(y).toBeGreaterThanOrEqual(a.extent.ymin);
      expect(y).toBeLessThanOrEqual(a.extent.ymax);
    }
    expect(() => a.featureAt(1000)).toThrow(RangeError);
    expect(() => syntheticPointSource(-1, 1)).toThrow(/non-negative/);
  });

  it("ignores writes to the lazy feature view", () => {
    const layer = createSyntheticPointsService(10).layers[0];
    layer.features[0] = { attributes: { objectid: 99 }, geometry: null };
    layer.features.push({ attributes: { objectid: 100 }, geometry: null });
    expect(layer.features).toHaveLength(10);
    expect(layer.features[0].attributes.objectid).toBe(1);
  });
});

describe("Bench/SyntheticPoints service", () => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSampleServer({ port: 0, syntheticPoints: 250_000 });
  });
  afterAll(() => server.close());

  it("is listed and advertises 2000 records per page with pagination", async () => {
    expect((await getJson(`${server.restUrl}?f=json`)).body.folders).toContain("Bench");
    expect((await getJson(`${server.restUrl}/Bench?f=json`)).body.services).toEqual([{ name: "Bench/SyntheticPoints", type: "MapServer" }]);
    const info = (await getJson(`${server.restUrl}/Bench/SyntheticPoints/MapServer/0?f=json`)).body;
    expect(info).toMatchObject({ name: "points", maxRecordCount: 2000, advancedQueryCapabilities: { supportsPagination: true } });
  });

  it("serves deep pages", async () => {
    const url = `${server.restUrl}/Bench/SyntheticPoints/MapServer/0/query?where=1%3D1&outFields=*&orderByFields=objectid&resultOffset=200000&resultRecordCount=2000&f=json`;
    const { body } = await getJson<{ features: { attributes: { objectid: number } }[]; exceededTransferLimit?: boolean }>(url);
    expect(body.features).toHaveLength(2000);
    expect(body.features[0].attributes.objectid).toBe(200_001);
    expect(body.exceededTransferLimit).toBe(true);
    const count = (await getJson(`${server.restUrl}/Bench/SyntheticPoints/MapServer/0/query?where=1%3D1&returnCountOnly=true&f=json`)).body;
    expect(count).toEqual({ count: 250_000 });
  });
});

describe("offset cost", () => {
  it("charges deep resultOffset pages, not object-id ranges", () => {
    const layer = createSyntheticPointsService(200_000, 5).layers[0];
    const charge = (params: Record<string, string>) => executeQuery(layer, { outFields: "*", f: "json", ...params }).delayMs;
    // 0.5 ms per 1,000 rows skipped, the charge computed (a number, not a clock).
    expect(charge({ where: "1=1", orderByFields: "objectid", resultOffset: "190000", resultRecordCount: "100" })).toBe(95);
    expect(charge({ where: "objectid > 190000 AND objectid <= 190100" })).toBeUndefined();
  });

  it("waits out the charge over HTTP when offsetCost is on", async () => {
    const server = await startSampleServer({ port: 0, syntheticPoints: 200_000, offsetCost: true });
    try {
      const layer = `${server.restUrl}/Bench/SyntheticPoints/MapServer/0/query`;
      const params = { where: "1=1", outFields: "*", f: "json", orderByFields: "objectid", resultOffset: "190000", resultRecordCount: "100" };
      const start = performance.now();
      const { body } = await getJson<{ features: unknown[] }>(`${layer}?${new URLSearchParams(params)}`);
      expect(body.features).toHaveLength(100);
      // A lower bound only: a loaded machine makes the answer later, never earlier.
      expect(performance.now() - start).toBeGreaterThanOrEqual(90);
    } finally {
      await server.close();
    }
  });
});
