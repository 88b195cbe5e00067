import { GAUGE_COUNT, ODD_COUNTS, startSampleServer } from "@arcrest/sample-server";
import { describe, expect, it } from "vitest";
import { IncompleteResultError, MapServiceLayer, queryCount, type Feature, type GeoFeature, type PagingPlan } from "../src/index.js";
import { collect, queryRequests, useSampleServer } from "./support.js";

const ctx = useSampleServer();

const gaugesUrl = () => `${ctx.rest}/ahps_gauges/MapServer/0`;
const oddUrl = (name: string) => `${ctx.rest}/Odd/${name}/MapServer/0`;

async function layer(url: string) {
  return MapServiceLayer.connect(url, { session: ctx.session });
}

function oids(features: Feature[]): number[] {
  return features.map((f) => f.attributes.objectid as number);
}

function expectDistinctAscending(ids: number[], count: number) {
  expect(ids).toHaveLength(count);
  expect(new Set(ids).size).toBe(count);
  for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
}

describe("paging: every feature, exactly once", () => {
  it("reads the whole gauges layer by object-id ranges (dense ids), never by offsets", async () => {
    const lyr = await layer(gaugesUrl());
    const from = ctx.server.requests.length;
    let plan: PagingPlan | undefined;
    const features = await collect(lyr.features({ onPlan: (p) => (plan = p) }));
    expectDistinctAscending(oids(features), GAUGE_COUNT);
    expect(plan?.kind).toBe("range");
    const pages = queryRequests(ctx.server, from).filter((q) => !q.outStatistics);
    expect(pages).toHaveLength(Math.ceil(GAUGE_COUNT / lyr.maxRecordCount));
    for (const q of pages) {
      expect(q.resultOffset).toBeUndefined();
      expect(q.where).toMatch(/^objectid >= \d+ AND objectid <= \d+$/);
    }
  });

  for (const strategy of ["range", "ids", "offset"] as const) {
    it(`gives the same features with paging: "${strategy}"`, async () => {
      const lyr = await layer(gaugesUrl());
      const features = await collect(lyr.features({ paging: strategy, pageSize: 700, outFields: ["objectid", "gaugelid"] }));
      expectDistinctAscending(oids(features), GAUGE_COUNT);
    });
  }

  it("ANDs a user where with the paging clauses and honours the field list on every page", async () => {
    const lyr = await layer(gaugesUrl());
    const where = "state = 'CA' OR state = 'TX'";
    const expected = await queryCount(gaugesUrl(), { where, session: ctx.session });
    expect(expected).toBeGreaterThan(250);
    for (const strategy of ["ids", "offset", "range"] as const) {
      const from = ctx.server.requests.length;
      const features = await collect(lyr.features({ where, outFields: ["GaugeLID", "status"], paging: strategy, pageSize: 100 }));
      expect(features).toHaveLength(expected);
      // The object id was requested for paging but is stripped: the user sees the fields asked for, in the layer's case.
      for (const f of features) expect(Object.keys(f.attributes).sort()).toEqual(["gaugelid", "status"]);
      expect(new Set(features.map((f) => f.attributes.gaugelid)).size).toBe(expected);
      const pages = queryRequests(ctx.server, from).filter((q) => !q.outStatistics && !q.returnIdsOnly && !q.returnCountOnly);
      expect(pages.length).toBeGreaterThan(1);
      for (const q of pages) {
        expect(q.where.startsWith(`(${where})`) || q.where === where).toBe(true);
        expect(q.outFields.split(",").map((s) => s.toLowerCase())).toEqual(["gaugelid", "status", "objectid"]);
      }
    }
  });

  it("reads a layer without pagination (10.2, resultOffset ignored) completely", async () => {
    const lyr = await layer(oddUrl("NoPagination"));
    expect(lyr.supportsPagination).toBe(false);
    const from = ctx.server.requests.length;
    const features = await collect(lyr.features({ outFields: ["objectid"] }));
    expectDistinctAscending(oids(features), ODD_COUNTS.noPagination);
    expect(queryRequests(ctx.server, from).every((q) => q.resultOffset === undefined)).toBe(true);
  });

  it("notices that a server ignores resultOffset (second-page probe) and switches to id batches", async () => {
    const lyr = await layer(oddUrl("NoPagination"));
    const from = ctx.server.requests.length;
    const features = await collect(lyr.features({ paging: "offset", outFields: ["objectid"] }));
    expectDistinctAscending(oids(features), ODD_COUNTS.noPagination);
    const requests = queryRequests(ctx.server, from);
    expect(requests.some((q) => q.resultOffset === "1000")).toBe(true); // the probe
    expect(requests.some((q) => q.returnIdsOnly === "true")).toBe(true); // the switch
  });

  it("fills the gaps of a layer that serves 1000 per page while advertising 2000, and shrinks the page size", async () => {
    for (const strategy of ["range", "ids", "offset"] as const) {
      const lyr = await layer(oddUrl("ShortPages"));
      expect(lyr.maxRecordCount).toBe(2000);
      const from = ctx.server.requests.length;
      const features = await collect(lyr.features({ paging: strategy, outFields: ["objectid"] }));
      expectDistinctAscending(oids(features), ODD_COUNTS.shortPages);
      const pages = queryRequests(ctx.server, from).filter((q) => !q.outStatistics && !q.returnIdsOnly);
      // 4,500 rows at 1,000 per answer need at least 5 page requests; shrinking keeps it from doubling.
      expect(pages.length, strategy).toBeGreaterThanOrEqual(5);
      expect(pages.length, strategy).toBeLessThanOrEqual(8);
    }
  });

  it("yields nothing, without error, for an empty layer", async () => {
    const lyr = await layer(oddUrl("Empty"));
    const from = ctx.server.requests.length;
    const progress: unknown[] = [];
    const features = await collect(lyr.features({ onProgress: (p) => progress.push(p) }));
    expect(features).toEqual([]);
    expect(progress).toEqual([{ done: 0, total: 0 }]);
    expect(queryRequests(ctx.server, from)).toHaveLength(1);
    const all = await lyr.query({ getAll: true });
    expect(all.features).toEqual([]);
    expect(all.exceededTransferLimit).toBe(false);
  });

  it("yields nothing for a where that matches nothing", async () => {
    const lyr = await layer(gaugesUrl());
    expect(await collect(lyr.features({ where: "state = 'XX'" }))).toEqual([]);
  });

  it("still returns exactly N distinct features under injected 5xx, 429 and errors in HTTP 200", async () => {
    const lyr = await layer(gaugesUrl());
    try {
      for (const [strategy, kinds] of [
        ["range", ["status", "rate-limit", "error-in-200"]],
        ["ids", ["error-in-200"]],
        ["offset", ["status", "rate-limit"]],
      ] as const) {
        ctx.server.faults.clear();
        ctx.server.faults.random({ rate: 0.3, kinds: [...kinds], seed: 7, match: /\/query/, retryAfterSeconds: 0 });
        const from = ctx.server.requests.length;
        const features = await collect(lyr.features({ paging: strategy, pageSize: 500, outFields: ["objectid"] }));
        expectDistinctAscending(oids(features), GAUGE_COUNT);
        // Faults really happened: more requests than pages.
        expect(queryRequests(ctx.server, from).length).toBeGreaterThan(GAUGE_COUNT / 500 + 2);
      }
    } finally {
      ctx.server.faults.clear();
    }
  });

  it("reports progress after every page, ending at the server's count", async () => {
    const lyr = await layer(gaugesUrl());
    const progress: { done: number; total?: number }[] = [];
    await collect(lyr.features({ pageSize: 1000, onProgress: (p) => progress.push(p) }));
    expect(progress[0]).toEqual({ done: 0, total: GAUGE_COUNT });
    expect(progress.at(-1)).toEqual({ done: GAUGE_COUNT, total: GAUGE_COUNT });
    expect(progress.map((p) => p.done)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it("stops on abort: the iteration rejects and no further pages are requested", async () => {
    const lyr = await layer(gaugesUrl());
    const controller = new AbortController();
    const from = ctx.server.requests.length;
    let seen = 0;
    const run = (async () => {
      for await (const _ of lyr.features({ pageSize: 100, concurrency: 2, signal: controller.signal })) {
        if (++seen === 150) controller.abort(new Error("user stop"));
      }
    })();
    await expect(run).rejects.toThrow("user stop");
    expect(seen).toBe(150);
    await new Promise((r) => setTimeout(r, 50));
    // Aborted in page 2 with 2 pages in flight: nothing past page 4 is ever asked for.
    const last = Math.max(...queryRequests(ctx.server, from).map((q) => Number(/<= (\d+)/.exec(q.where ?? "")?.[1] ?? 0)));
    expect(last).toBeLessThanOrEqual(400);
  });

  it("stops requesting when the consumer breaks out early", async () => {
    const lyr = await layer(gaugesUrl());
    const from = ctx.server.requests.length;
    for await (const f of lyr.features({ pageSize: 100, concurrency: 3 })) {
      expect(f.attributes.objectid).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(queryRequests(ctx.server, from).length).toBeLessThanOrEqual(5);
  });

  it("pages GeoJSON (f=geojson), reading the flag from properties.exceededTransferLimit", async () => {
    for (const [url, count] of [
      [gaugesUrl(), GAUGE_COUNT],
      [oddUrl("ShortPages"), ODD_COUNTS.shortPages],
    ] as const) {
      const lyr = await layer(url);
      const features: GeoFeature[] = await collect(lyr.features({ f: "geojson", outFields: ["gaugelid", "obstime"], paging: "range" }));
      const ids = features.map((f) => f.id as number);
      expectDistinctAscending(ids, count);
      expect(features[0].type).toBe("Feature");
      expect(features[0].geometry?.type).toBe("Point");
      expect(Object.keys(features[0].properties ?? {}).sort()).toEqual(["gaugelid", "obstime"]);
      expect(features[0].properties?.obstime).toBeInstanceOf(Date);
    }
  });

  it("collects everything with query({ getAll: true }) and a custom order across pages", async () => {
    const lyr = await layer(gaugesUrl());
    const result = await lyr.query({ where: "state IN ('CA','TX','NY')", outFields: ["state", "stage"], orderByFields: "state, stage DESC", getAll: true, pageSize: 150 });
    const expected = await lyr.count({ where: "state IN ('CA','TX','NY')" });
    expect(result.features).toHaveLength(expected);
    expect(result.exceededTransferLimit).toBe(false);
    expect(result.objectIdFieldName).toBe("objectid");
    const keys = result.features.map((f) => [f.attributes.state as string, f.attributes.stage as number]);
    for (let i = 1; i < keys.length; i++) {
      const [s0, v0] = keys[i - 1];
      const [s1, v1] = keys[i];
      expect(s0 < s1 || (s0 === s1 && v0 >= v1)).toBe(true);
    }
  });

  it("a single query returns one page and says more exist", async () => {
    const lyr = await layer(gaugesUrl());
    const page = await lyr.query({ outFields: ["objectid"] });
    expect(page.features).toHaveLength(1000);
    expect(page.exceededTransferLimit).toBe(true);
  });

  it("raises IncompleteResultError saying how many are missing when rows vanish while reading", async () => {
    const server = await startSampleServer({ port: 0 });
    try {
      const lyr = await MapServiceLayer.connect(`${server.restUrl}/Odd/NoPagination/MapServer/0`, { session: ctx.session });
      const data = server.dataset.services.find((s) => s.name === "Odd/NoPagination")?.layers[0];
      expect(data).toBeDefined();
      const seen: number[] = [];
      const run = collect(
        lyr.features({
          outFields: ["objectid"],
          // Counted first, then 25 rows are deleted before the pages are read.
          onPlan: () => void data?.features.splice(100, 25),
        }),
      );
      const err = await run.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IncompleteResultError);
      expect(err).toMatchObject({ expected: ODD_COUNTS.noPagination, received: ODD_COUNTS.noPagination - 25, missing: 25 });
      expect((err as Error).message).toMatch(/25 missing/);
      expect(seen).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
