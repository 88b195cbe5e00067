/**
 * Chaos: batch geocoding through 10% mixed faults (5xx, 429 with Retry-After, errors in HTTP 200, cut
 * connections): every address gets its answer, in order, none lost or doubled.
 * `CHAOS=long` (`pnpm test:chaos`): 10,000 addresses; default: 1,000.
 */
import { describe, expect, it } from "vitest";
import { geocodeAddresses } from "../../src/index.js";
import { requestsTo, sampleRecords, useSampleServer } from "../support.js";

const COUNT = process.env.CHAOS === "long" ? 10_000 : 1_000;
const SEED = Number(process.env.CHAOS_SEED ?? 18);
const ctx = useSampleServer();

describe(`chaos: ${COUNT.toLocaleString("en")} addresses through 10% faults (seed ${SEED})`, () => {
  it("answers every address once, in order", async () => {
    const records = sampleRecords(COUNT);
    const from = ctx.server.requests.length;
    ctx.server.faults.random({ rate: 0.1, kinds: ["status", "rate-limit", "error-in-200", "cut"], match: /geocodeAddresses/, retryAfterSeconds: 1, seed: SEED });
    // One of each kind for sure, whatever the random draw gives a short run.
    for (const fault of [{ kind: "status", status: 503 }, { kind: "cut" }, { kind: "error-in-200", code: 500, message: "busy" }, { kind: "rate-limit", retryAfterSeconds: 1 }] as const) {
      ctx.server.faults.add({ match: /geocodeAddresses/, fault });
    }
    try {
      const results = await geocodeAddresses(ctx.locator, records, { session: ctx.session, batchSize: 50 });
      expect(results.map((r) => r.index)).toEqual(records.map((_, i) => i));
      expect(results.filter((r) => r.status === "failed")).toEqual([]);
      for (const [i, r] of results.entries()) if (r.status === "matched") expect(r.candidate?.address, `#${i}`).toBe(records[i]);
      expect(results.filter((r) => r.status === "matched").length).toBeGreaterThan(COUNT / 2);
      // Faults were really injected: some batches were sent more than once.
      expect(requestsTo(ctx.server, "geocodeAddresses", from).length).toBeGreaterThan(COUNT / 50);
    } finally {
      ctx.server.faults.clear();
    }
  }, 600_000);
});
