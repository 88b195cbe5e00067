import { ArcGISRequestError } from "@arcrest/core";
import type { Progress } from "@arcrest/core";
import { afterEach, describe, expect, it } from "vitest";
import { Geocoder, geocodeAddresses, type GeocodeResult } from "../src/index.js";
import { requestsTo, sampleRecords, useSampleServer } from "./support.js";

const ctx = useSampleServer();
afterEach(() => ctx.server.faults.clear());

/** What the sample table answers for record i of sampleRecords. */
function expectAnswer(result: GeocodeResult, i: number, text: string): void {
  expect(result.index).toBe(i);
  if (i % 13 === 0) {
    expect(result).toEqual({ index: i, status: "unmatched" });
  } else if (i % 7 === 0) {
    expect(result.status).toBe("tied");
    expect(result.candidate?.address.startsWith(`${text}, `)).toBe(true);
  } else {
    expect(result.status).toBe("matched");
    expect(result.candidate?.address).toBe(text);
    expect(result.candidate?.score).toBe(100);
    expect(result.candidate?.attributes.ResultID).toBe(i + 1);
  }
}

/** The OBJECTIDs of each geocodeAddresses request since `from`. */
function batchesSent(from: number): number[][] {
  return requestsTo(ctx.server, "geocodeAddresses", from).map((p) =>
    (JSON.parse(p.addresses) as { records: Array<{ attributes: { OBJECTID: number } }> }).records.map((r) => r.attributes.OBJECTID),
  );
}

describe("geocodeAddresses", () => {
  it("geocodes 10,000 records in batches answered in shuffled order: one result per input, in input order", async () => {
    const records = sampleRecords(10_000);
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const from = ctx.server.requests.length;
    const progress: Progress[] = [];
    const results = await geocoder.geocodeAddresses(records, { onProgress: (p) => progress.push(p) });
    expect(results).toHaveLength(records.length);
    results.forEach((result, i) => expectAnswer(result, i, records[i]));
    const batches = batchesSent(from);
    expect(batches).toHaveLength(Math.ceil(10_000 / 150));
    expect(batches.every((b) => b.length <= 150)).toBe(true);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(records.map((_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ done: 10_000, total: 10_000 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  }, 120_000);

  it("re-joins by ResultID: the server's order is not the input's", async () => {
    const records = sampleRecords(40).filter((_, i) => i % 13 !== 0);
    const body = new URLSearchParams({ f: "json", addresses: JSON.stringify({ records: records.map((SingleLine, i) => ({ attributes: { OBJECTID: i + 1, SingleLine } })) }) });
    const raw = (await (await fetch(`${ctx.locator}/geocodeAddresses`, { method: "POST", body })).json()) as { locations: Array<{ attributes: { ResultID: number } }> };
    const order = raw.locations.map((l) => l.attributes.ResultID);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    const results = await geocodeAddresses(ctx.locator, records, { session: ctx.session });
    results.forEach((r, i) => expect(r.candidate?.attributes.ResultID).toBe(i + 1));
  });

  it("honours batchSize, outSR and forStorage, and sends the records' OBJECTIDs", async () => {
    const from = ctx.server.requests.length;
    const results = await geocodeAddresses(ctx.locator, sampleRecords(25), { session: ctx.session, batchSize: 10, outSR: 102100, forStorage: true, sourceCountry: "USA" });
    expect(batchesSent(from)).toEqual([1, 11, 21].map((s) => Array.from({ length: Math.min(10, 26 - s) }, (_, k) => s + k)));
    const sent = requestsTo(ctx.server, "geocodeAddresses", from)[0];
    expect(sent).toMatchObject({ forStorage: "true", sourceCountry: "USA", outSR: "102100" });
    expect(results[1].candidate?.location.spatialReference?.wkid).toBe(102100);
  });

  it("geocodes address fields", async () => {
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const [a, b] = await geocoder.geocodeAddresses([{ Address: "500 Oak St", City: "Redlands", Region: "CA", Postal: "92373" }, { Address: "500 Oak St" }]);
    expect(a).toMatchObject({ index: 0, status: "matched", candidate: { address: "500 Oak St, Redlands, CA, 92373", score: 100 } });
    expect(b).toMatchObject({ index: 1, status: "tied" });
  });

  it("retries a record missing from a batch once alone, then reports it failed", async () => {
    const records = sampleRecords(30);
    records[4] = `${records[4]} [lost in batch]`;
    records[17] = `${records[17]} [always lost]`;
    const from = ctx.server.requests.length;
    const results = await geocodeAddresses(ctx.locator, records, { session: ctx.session, batchSize: 20 });
    expect(results).toHaveLength(30);
    expect(results[4].status).not.toBe("failed");
    expect(results[4].candidate?.attributes.ResultID ?? 5).toBe(5);
    expect(results[17].status).toBe("failed");
    expect(results[17].error).toBeInstanceOf(ArcGISRequestError);
    results.forEach((r, i) => {
      if (i !== 4 && i !== 17) expectAnswer(r, i, records[i]);
    });
    const lone = batchesSent(from).filter((b) => b.length === 1);
    expect(lone.sort()).toEqual([[18], [5]].sort());
  });

  it("survives injected faults: transient ones are retried, a batch that keeps failing is marked failed and the run goes on", async () => {
    const records = sampleRecords(600);
    ctx.server.faults.random({ rate: 0.3, kinds: ["status", "rate-limit", "error-in-200", "cut"], match: /geocodeAddresses/, retryAfterSeconds: 0 });
    const from = ctx.server.requests.length;
    const results = await geocodeAddresses(ctx.locator, records, { session: ctx.session, batchSize: 100 });
    results.forEach((r, i) => expectAnswer(r, i, records[i]));
    expect(batchesSent(from).length).toBeGreaterThan(6); // some of the 6 batches were faulted and sent again
    ctx.server.faults.clear();
    ctx.server.faults.add({ match: /geocodeAddresses/, times: 7, fault: { kind: "status", status: 503 } });
    const second = await geocodeAddresses(ctx.locator, records, { session: ctx.session, batchSize: 100, concurrency: 1 });
    expect(second.slice(0, 100).every((r) => r.status === "failed" && r.error?.httpStatus === 503)).toBe(true);
    second.slice(100).forEach((r, k) => expectAnswer(r, k + 100, records[k + 100]));
  }, 60_000);

  it("aborting mid-run rejects with the reason and sends no more batches", async () => {
    const records = sampleRecords(2_000);
    for (const concurrency of [1, 2]) {
      const controller = new AbortController();
      const reason = new Error(`stop ${concurrency}`);
      const from = ctx.server.requests.length;
      const run = geocodeAddresses(ctx.locator, records, {
        session: ctx.session,
        concurrency,
        signal: controller.signal,
        onProgress: () => controller.abort(reason),
      });
      await expect(run).rejects.toBe(reason);
      const sent = batchesSent(from).length;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThanOrEqual(concurrency);
    }
  });
});
