/**
 * Chaos: an extraction through 10% mixed faults (5xx, 429 with Retry-After, errors in HTTP 200, cut
 * connections, stalls) writes a file identical, byte for byte, to the fault-free one.
 * `CHAOS=long` (`pnpm test:chaos`): 200,000 features and 3-second stalls; default: 20,000 and 200 ms.
 */
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "@arcrest/core";
import { MapServiceLayer } from "@arcrest/query";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportLayer } from "../../src/node/index.js";

const LONG = process.env.CHAOS === "long";
const TOTAL = LONG ? 200_000 : 20_000;
const SEED = Number(process.env.CHAOS_SEED ?? 18);
let server: SampleServer;
let root: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, syntheticPoints: TOTAL, seed: SEED });
  root = mkdtempSync(join(tmpdir(), "arcrest-chaos-"));
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe(`chaos: ${TOTAL.toLocaleString("en")}-feature extraction with 10% faults (seed ${SEED}; CHAOS_SEED to change)`, () => {
  it("writes the same file as without faults", async () => {
    const session = new Session({ retry: { limit: 6, baseDelayMs: 10, maxDelayMs: 200 } });
    const layer = await MapServiceLayer.connect(`${server.restUrl}/Bench/SyntheticPoints/MapServer/0`, { session });
    const clean = join(root, "clean.geojson");
    await exportLayer(layer, clean);

    server.clearRequests();
    server.faults.random({
      rate: 0.1,
      kinds: ["status", "rate-limit", "error-in-200", "cut", "delay"],
      match: /SyntheticPoints\/MapServer\/0\/query/,
      retryAfterSeconds: 1,
      delayMs: LONG ? 3000 : 200,
      seed: SEED,
    });
    const faulted = join(root, "faulted.geojson");
    const result = await exportLayer(layer, faulted);
    server.faults.clear();

    expect(result.featureCount).toBe(TOTAL);
    const bytes = readFileSync(faulted);
    expect(bytes.equals(readFileSync(clean))).toBe(true);
    const ids = (JSON.parse(bytes.toString("utf8")) as { features: { properties: Record<string, number> }[] }).features.map((f) => f.properties[layer.objectIdField!]);
    expect(new Set(ids).size).toBe(TOTAL);
    // Faults were really injected: more query requests than pages.
    const queries = server.requests.filter((r) => r.path.endsWith("/query")).length;
    expect(queries).toBeGreaterThan(Math.ceil(TOTAL / layer.maxRecordCount!));
  }, LONG ? 1_800_000 : 300_000);
});
