/**
 * A token that expires in the middle of a long extraction: the pages in flight get 498, the session
 * renews the token once, and every feature arrives exactly once. `CHAOS=long` runs it over 200,000
 * features (`pnpm test:chaos`); the default run uses 20,000.
 */
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { Session } from "@arcrest/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MapServiceLayer } from "../../src/index.js";

const TOTAL = process.env.CHAOS === "long" ? 200_000 : 20_000;
let server: SampleServer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, syntheticPoints: TOTAL });
});
afterAll(() => server.close());

describe(`token expiry during a ${TOTAL.toLocaleString("en")}-feature extraction`, () => {
  it("renews the token once and loses or doubles no feature", async () => {
    const session = new Session({ url: server.restUrl, username: "arcrest", password: "arcrest-pass", retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    const layer = await MapServiceLayer.connect(`${server.restUrl}/Bench/SyntheticPoints/MapServer/0`, { session });
    const oidField = layer.objectIdField!;
    let expired = false;
    const result = await layer.query({
      where: "1=1",
      outFields: [oidField],
      returnGeometry: false,
      getAll: true,
      onProgress: (p) => {
        if (!expired && p.done >= TOTAL / 2) {
          // The next page request's token is expired on the server (it answers 498 to it and to any later use).
          server.faults.add({ match: /SyntheticPoints\/MapServer\/0\/query/, fault: { kind: "expire-token" } });
          expired = true;
        }
      },
    });
    const ids = result.features.map((f) => f.attributes[oidField]);
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    const generated = server.requests.filter((r) => r.path.endsWith("/generateToken"));
    expect(generated).toHaveLength(2); // the first sign-in and one renewal
    const tokens = new Set(server.requests.filter((r) => r.path.endsWith("/query")).map((r) => r.body.token));
    expect(tokens.size).toBe(2);
    expect(tokens.has(undefined as unknown as string)).toBe(false);
  }, 600_000);
});
