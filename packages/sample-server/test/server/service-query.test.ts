import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(() => server.close());

const query = async (params: Record<string, string>) => {
  const body = new URLSearchParams({ f: "json", ...params });
  const response = await fetch(`${server.restUrl}/SanFrancisco/311Incidents/FeatureServer/query`, { method: "POST", body });
  return (await response.json()) as { layers?: { id: number; features: { attributes: Record<string, unknown> }[] }[]; error?: { code: number } };
};

describe("FeatureServer/query (service level, layerDefs)", () => {
  it("answers each layer with its own where clause and field list (array form)", async () => {
    const answer = await query({ layerDefs: JSON.stringify([{ layerId: 0, where: "status = 1", outFields: "objectid,status" }]), returnGeometry: "false" });
    expect(answer.layers?.map((l) => l.id)).toEqual([0]);
    const features = answer.layers?.[0].features ?? [];
    expect(features.length).toBeGreaterThan(0);
    expect(features.every((f) => f.attributes.status === 1)).toBe(true);
    expect(Object.keys(features[0].attributes).sort()).toEqual(["objectid", "status"]);
  });

  it("accepts the object form { layerId: where }", async () => {
    const answer = await query({ layerDefs: JSON.stringify({ 0: "status = 2" }) });
    expect(answer.layers?.[0].features.every((f) => f.attributes.status === 2)).toBe(true);
  });

  it("refuses bad layerDefs with an error body", async () => {
    expect((await query({ layerDefs: "not json" })).error?.code).toBe(400);
    expect((await query({ layerDefs: JSON.stringify([{ layerId: 9, where: "1=1" }]) })).error?.code).toBe(400);
    expect((await query({})).error?.code).toBe(400);
  });
});
