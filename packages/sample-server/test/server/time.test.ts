import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(() => server.close());

const getJson = async (url: string) => (await fetch(url)).json() as Promise<Record<string, unknown>>;

describe("time-aware gauge layers", () => {
  it("advertise timeInfo with the extent of their time field", async () => {
    const info = await getJson(`${server.restUrl}/ahps_gauges/MapServer/0?f=json`);
    const timeInfo = info.timeInfo as { startTimeField: string; timeExtent: [number, number] };
    expect(timeInfo.startTimeField).toBe("obstime");
    expect(timeInfo.timeExtent[0]).toBeLessThan(timeInfo.timeExtent[1]);
  });

  it("filter a query by the time parameter", async () => {
    const layer = `${server.restUrl}/ahps_gauges/MapServer/0`;
    const info = await getJson(`${layer}?f=json`);
    const [start, end] = (info.timeInfo as { timeExtent: [number, number] }).timeExtent;
    const middle = Math.round((start + end) / 2);
    const all = (await getJson(`${layer}/query?where=1%3D1&returnCountOnly=true&f=json`)).count as number;
    const early = (await getJson(`${layer}/query?where=1%3D1&time=${start},${middle}&returnCountOnly=true&f=json`)).count as number;
    const byWhere = (await getJson(
      `${layer}/query?where=${encodeURIComponent(`obstime <= TIMESTAMP '${new Date(middle).toISOString().slice(0, 19).replace("T", " ")}'`)}&returnCountOnly=true&f=json`,
    )).count as number;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(all);
    expect(Math.abs(early - byWhere)).toBeLessThanOrEqual(1);
  });
});
