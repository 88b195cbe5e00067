/**
 * Chaos: chunked adds where 10% of the answers are lost after the server applied the chunk
 * (drop-after-apply): every feature is on the server exactly once and reported applied.
 * `CHAOS=long` (`pnpm test:chaos`): 10,000 adds; default: 2,000. (Mixed faults: ../faults.test.ts.)
 */
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureService } from "../../src/index.js";
import { editDataset, LAYERS } from "../helpers/dataset.js";

const TOTAL = process.env.CHAOS === "long" ? 10_000 : 2_000;
const SEED = Number(process.env.CHAOS_SEED ?? 18);
let server: SampleServer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset(), seed: SEED });
});
afterAll(() => server.close());

describe(`chaos: ${TOTAL.toLocaleString("en")} adds with 10% of answers lost after applying (seed ${SEED})`, () => {
  it("applies each feature exactly once", async () => {
    const service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
    const layer = await service.layer(LAYERS.inspections);
    const features = Array.from({ length: TOTAL }, (_, i) => ({ attributes: { name: `chaos-${i}`, visits: i % 100 } }));
    server.faults.random({ rate: 0.1, kinds: ["drop-after-apply"], match: /applyEdits/, seed: SEED });
    const result = await layer.addFeatures(features, { batchSize: 50 });
    server.faults.clear();

    const stored = server.dataset.services.find((s) => s.name === "Edits/Inspections")?.layers.find((l) => l.id === LAYERS.inspections)?.features ?? [];
    const counts = new Map<string, number>();
    for (const f of stored) counts.set(String(f.attributes.name), (counts.get(String(f.attributes.name)) ?? 0) + 1);
    for (let i = 0; i < TOTAL; i++) expect(counts.get(`chaos-${i}`), `chaos-${i}`).toBe(1);
    expect(result.applied).toBe(TOTAL);
    expect(result.unknown).toBe(0);
    // Answers were really lost and recovered by verification, not by sending twice.
    expect(result.chunks.filter((c) => c.lostResponse).length).toBeGreaterThan(0);
  }, 600_000);
});
