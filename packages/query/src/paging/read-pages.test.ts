import { describe, expect, it } from "vitest";
import { ValidationError } from "@arcrest/core";
import { IncompleteResultError } from "../errors/incomplete-result-error.js";
import { readPages, withTieBreaker, type PagingSource } from "./read-pages.js";
import type { PagingPlan } from "./planner.js";
import type { FetchedPage, PageSlice } from "./types.js";
import { fetchRange } from "./range-pager.js";

// The engine is pure logic over a slice fetcher; these tests drive it with an
// in-memory layer that behaves like the awkward servers the engine must handle.
// (Real HTTP behaviour is covered in test/*.test.ts against the sample server.)

interface Row {
  oid: number;
}

interface FakeOptions {
  oids: number[];
  advertised: number;
  served?: number;
  ignoreOffset?: boolean;
  ignoreOrder?: boolean;
  flag?: boolean;
  supportsPagination?: boolean;
  stats?: boolean;
  /** Rows that vanish after counting (deleted while reading). */
  vanish?: number[];
}

/** A seeded pseudo-random generator (mulberry32): the same jitter on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function fakeLayer(o: FakeOptions) {
  const random = seededRandom(o.oids.length);
  const slices: PageSlice[] = [];
  const rows = o.oids.map((oid) => ({ oid }));
  const live = () => rows.filter((r) => !o.vanish?.includes(r.oid));
  const cap = o.served ?? o.advertised;
  const fetch = async (slice: PageSlice): Promise<FetchedPage<Row>> => {
    slices.push(slice);
    await new Promise((r) => setTimeout(r, random() * 3));
    let sel = live();
    if (slice.where) {
      const m = /^oid >= (\d+) AND oid <= (\d+)$/.exec(slice.where) ?? /^oid = (\d+)$/.exec(slice.where);
      if (!m) throw new Error(`unexpected where ${slice.where}`);
      const a = Number(m[1]);
      const b = Number(m[2] ?? m[1]);
      sel = sel.filter((r) => r.oid >= a && r.oid <= b);
    }
    if (slice.objectIds) {
      const set = new Set(slice.objectIds);
      sel = sel.filter((r) => set.has(r.oid));
    }
    if (o.ignoreOrder) sel = [...sel].reverse();
    const offset = o.ignoreOffset ? 0 : (slice.resultOffset ?? 0);
    const want = Math.min(slice.resultRecordCount ?? cap, cap);
    const page = sel.slice(offset, offset + want);
    const exceeded = sel.length > offset + page.length;
    return { features: page, exceededTransferLimit: o.flag === false ? false : exceeded };
  };
  const source: PagingSource<Row> = {
    url: "memory://layer",
    caps: {
      oidField: "oid",
      supportsPagination: o.supportsPagination ?? true,
      supportsOrderBy: !o.ignoreOrder,
      maxRecordCount: o.advertised,
    },
    fetch,
    oidOf: (r) => r.oid,
    stats: async () =>
      o.stats === false || rows.length === 0
        ? o.stats === false
          ? undefined
          : { count: 0 }
        : { count: rows.length, minOid: Math.min(...o.oids), maxOid: Math.max(...o.oids) },
    count: async () => rows.length,
    ids: async () => rows.map((r) => r.oid).sort((a, b) => a - b),
  };
  return { source, slices };
}

async function collect(source: PagingSource<Row>, options: Parameters<typeof readPages>[1] = {}) {
  const out: number[] = [];
  let plan: PagingPlan | undefined;
  for await (const page of readPages(source, { ...options, onPlan: (p) => (plan = p) })) {
    for (const r of page) out.push(r.oid);
  }
  return { out, plan: plan as PagingPlan };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const sparse = (n: number, step: number) => Array.from({ length: n }, (_, i) => 1 + i * step);

describe("readPages", () => {
  it("reads dense ids by object-id ranges, in order, without duplicates", async () => {
    const { source } = fakeLayer({ oids: range(1, 2345), advertised: 500 });
    const { out, plan } = await collect(source);
    expect(plan.kind).toBe("range");
    expect(out).toEqual(range(1, 2345));
  });

  it("reads sparse ids by id batches", async () => {
    const ids = sparse(2500, 7);
    const { source, slices } = fakeLayer({ oids: ids, advertised: 300 });
    const { out, plan } = await collect(source);
    expect(plan).toMatchObject({ kind: "ids", mode: "range" });
    expect(out).toEqual(ids);
    expect(slices.every((s) => s.resultOffset === undefined)).toBe(true);
  });

  it("uses offsets for a few sparse pages, after a second-page probe", async () => {
    const ids = sparse(900, 5);
    const { source, slices } = fakeLayer({ oids: ids, advertised: 300 });
    const { out, plan } = await collect(source);
    expect(plan.kind).toBe("offset");
    expect(out).toEqual(ids);
    expect(slices.map((s) => s.resultOffset)).toEqual([0, 300, 600]);
  });

  it("falls back to id batches when the server ignores resultOffset", async () => {
    const ids = sparse(900, 5);
    const { source } = fakeLayer({ oids: ids, advertised: 300, ignoreOffset: true });
    const { out } = await collect(source, { strategy: "offset" });
    expect(out).toEqual(ids);
  });

  it("fills the gaps when a server serves fewer rows than it advertises", async () => {
    for (const strategy of ["range", "ids", "offset"] as const) {
      const ids = range(1, 4500);
      const { source } = fakeLayer({ oids: ids, advertised: 2000, served: 1000 });
      const { out } = await collect(source, { strategy });
      expect(out, strategy).toEqual(ids);
    }
  });

  it("fills gaps of unordered, truncated range pages", async () => {
    const ids = range(10, 2100);
    const { source } = fakeLayer({ oids: ids, advertised: 1000, served: 400, ignoreOrder: true, supportsPagination: false });
    const { out } = await collect(source, { strategy: "range" });
    expect(out).toEqual(ids);
  });

  it("detects short id batches even without exceededTransferLimit", async () => {
    const ids = sparse(3000, 3);
    const { source } = fakeLayer({ oids: ids, advertised: 1000, served: 700, flag: false });
    const { out } = await collect(source, { strategy: "ids" });
    expect(out).toEqual(ids);
  });

  it("raises IncompleteResultError naming what is missing when the flag is absent and ranges cannot tell", async () => {
    const ids = range(1, 3000);
    const { source } = fakeLayer({ oids: ids, advertised: 1000, served: 600, flag: false });
    const err = await collect(source, { strategy: "range" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompleteResultError);
    expect((err as IncompleteResultError).missing).toBe(1200);
    expect((err as IncompleteResultError).expected).toBe(3000);
  });

  it("raises IncompleteResultError when rows vanish while reading", async () => {
    const { source } = fakeLayer({ oids: sparse(2000, 4), advertised: 500, vanish: [5, 9, 401] });
    const err = await collect(source, { strategy: "ids" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompleteResultError);
    expect((err as IncompleteResultError).missing).toBe(3);
  });

  it("yields nothing for an empty result", async () => {
    const { source, slices } = fakeLayer({ oids: [], advertised: 1000 });
    const { out, plan } = await collect(source);
    expect(plan.kind).toBe("empty");
    expect(out).toEqual([]);
    expect(slices).toHaveLength(0);
  });

  it("works without statistics", async () => {
    const ids = range(1, 5000);
    const { source } = fakeLayer({ oids: ids, advertised: 1000, stats: false, supportsPagination: false });
    const { out, plan } = await collect(source);
    expect(plan.kind).toBe("ids");
    expect(out).toEqual(ids);
  });

  it("honours a page size override and reports progress", async () => {
    const ids = range(1, 1000);
    const { source, slices } = fakeLayer({ oids: ids, advertised: 1000 });
    const progress: number[] = [];
    const { out } = await collect(source, { pageSize: 250, onProgress: (p) => progress.push(p.done) });
    expect(out).toEqual(ids);
    expect(slices).toHaveLength(4);
    expect(progress).toEqual([0, 250, 500, 750, 1000]);
  });

  it("keeps at most `concurrency` pages in flight", async () => {
    const ids = range(1, 5000);
    const { source } = fakeLayer({ oids: ids, advertised: 100 });
    let inFlight = 0;
    let peak = 0;
    const fetch = source.fetch;
    source.fetch = async (slice, signal) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(slice, signal);
      } finally {
        inFlight--;
      }
    };
    const { out } = await collect(source, { concurrency: 3 });
    expect(out).toHaveLength(5000);
    expect(peak).toBe(3);
  });

  it("stops fetching when the consumer stops early", async () => {
    const { source, slices } = fakeLayer({ oids: range(1, 10000), advertised: 100 });
    for await (const page of readPages(source, { concurrency: 2 })) {
      expect(page[0].oid).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(slices.length).toBeLessThanOrEqual(3);
  });

  it("rejects with the abort reason when the signal aborts", async () => {
    const { source } = fakeLayer({ oids: range(1, 10000), advertised: 100 });
    const controller = new AbortController();
    const pages = readPages(source, { signal: controller.signal });
    await pages.next();
    controller.abort(new Error("stop"));
    await expect(pages.next()).rejects.toThrow("stop");
  });

  it("rejects a bad page size", async () => {
    const { source } = fakeLayer({ oids: range(1, 10), advertised: 100 });
    await expect(collect(source, { pageSize: 0 })).rejects.toThrow(/pageSize/);
  });

  // Regression: NaN made the window read nothing and end in a misleading IncompleteResultError.
  it("rejects a bad concurrency before sending anything", async () => {
    for (const concurrency of [0, -1, 2.5, Number.NaN]) {
      const { source, slices } = fakeLayer({ oids: range(1, 10), advertised: 100 });
      await expect(collect(source, { concurrency })).rejects.toThrow(ValidationError);
      await expect(collect(source, { concurrency })).rejects.toThrow(/concurrency: must be a positive integer/);
      expect(slices).toHaveLength(0);
    }
  });
});

describe("withTieBreaker", () => {
  it("appends the object id unless the order already has it", () => {
    expect(withTieBreaker("state", "OBJECTID")).toBe("state,OBJECTID");
    expect(withTieBreaker("state, objectid DESC", "OBJECTID")).toBe("state, objectid DESC");
  });
});

describe("fetchRange", () => {
  it("completes a truncated, ordered range after its last id", async () => {
    const slices: PageSlice[] = [];
    const rows = range(1, 50).map((oid) => ({ oid }));
    const ctx = {
      oidField: "oid",
      oidOrder: "oid",
      oidOf: (r: Row) => r.oid,
      state: { pageSize: 50 },
      fetch: async (slice: PageSlice) => {
        slices.push(slice);
        const [, a, b] = /oid >= (\d+) AND oid <= (\d+)/.exec(slice.where ?? "") ?? [];
        const sel = rows.filter((r) => r.oid >= Number(a) && r.oid <= Number(b));
        return { features: sel.slice(0, 20), exceededTransferLimit: sel.length > 20 };
      },
    };
    const out = await fetchRange(ctx, 1, 50, new AbortController().signal);
    expect(out.map((r) => r.oid)).toEqual(range(1, 50));
    expect(slices.map((s) => s.where)).toEqual(["oid >= 1 AND oid <= 50", "oid >= 21 AND oid <= 50", "oid >= 41 AND oid <= 50"]);
    expect(ctx.state.pageSize).toBe(20);
  });
});
