/**
 * A token that expires in the middle of a chunked edit: the chunk in flight gets 498 (the server answers
 * it before applying anything), the session renews the token once, and each edit is applied exactly once.
 */
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { Session } from "@arcrest/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureService } from "../src/index.js";
import { editDataset, LAYERS } from "./helpers/dataset.js";

const TOTAL = process.env.CHAOS === "long" ? 10_000 : 2_000;
let server: SampleServer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
});
afterAll(() => server.close());

function storedNames(): string[] {
  const layer = server.dataset.services.find((s) => s.name === "Edits/Inspections")?.layers.find((l) => l.id === LAYERS.inspections);
  return (layer?.features ?? []).map((f) => String(f.attributes.name));
}

describe("token expiry during a chunked edit", () => {
  it(`renews once and applies each of ${TOTAL} adds exactly once`, async () => {
    const session = new Session({ url: server.restUrl, username: "arcrest", password: "arcrest-pass", retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    const service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`, { session });
    const layer = await service.layer(LAYERS.inspections);
    const before = storedNames().length;
    let expired = false;
    const features = Array.from({ length: TOTAL }, (_, i) => ({ attributes: { name: `token-${i}` } }));
    const result = await layer.addFeatures(features, {
      batchSize: 100,
      onProgress: (p) => {
        if (!expired && p.done >= TOTAL / 2) {
          server.faults.add({ match: /applyEdits/, fault: { kind: "expire-token" } });
          expired = true;
        }
      },
    });
    expect(result.applied).toBe(TOTAL);
    expect(result.ok).toBe(true);
    const names = storedNames().filter((n) => n.startsWith("token-"));
    expect(storedNames().length - before).toBe(TOTAL);
    expect(new Set(names).size).toBe(TOTAL);
    expect(server.requests.filter((r) => r.path.endsWith("/generateToken"))).toHaveLength(2);
    const tokens = new Set(server.requests.filter((r) => r.path.endsWith("/applyEdits")).map((r) => r.body.token));
    expect(tokens.size).toBe(2);
    // The rejected chunk was sent again once: one request per chunk plus one.
    expect(server.requests.filter((r) => r.path.endsWith("/applyEdits"))).toHaveLength(TOTAL / 100 + 1);
  }, 600_000);
});
