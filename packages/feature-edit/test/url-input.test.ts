/** The edit primitives take a layer URL as query's functions do (`addFeatures(url, features)`). */
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFeatures, deleteFeatures, updateFeatures } from "../src/index.js";
import { editDataset } from "./helpers/dataset.js";

let server: SampleServer;
let url: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  url = `${server.restUrl}/Edits/Inspections/FeatureServer/0/`;
});
afterAll(async () => {
  await server.close();
});

const stored = () => server.dataset.services.find((s) => s.name === "Edits/Inspections")?.layers[0].features ?? [];

describe("edits by layer URL", () => {
  it("adds, updates and deletes through a URL string, reading the layer's description first", async () => {
    const added = await addFeatures(url, [{ attributes: { name: "by-url", score: 2 }, geometry: { x: -122.4, y: 37.7 } }]);
    expect(added.addResults.map((r) => r.status)).toEqual(["applied"]);
    const oid = added.addResults[0].objectId as number;
    expect(stored().find((f) => f.attributes.objectid === oid)?.attributes.name).toBe("by-url");

    const updated = await updateFeatures(url, [{ attributes: { objectid: oid, name: "by-url-2" } }]);
    expect(updated.updateResults.map((r) => r.status)).toEqual(["applied"]);
    expect(stored().find((f) => f.attributes.objectid === oid)?.attributes.name).toBe("by-url-2");

    const deleted = await deleteFeatures(url, { where: "name = 'by-url-2'" });
    expect(deleted.deleteResults.map((r) => r.objectId)).toEqual([oid]);
    expect(stored().some((f) => f.attributes.objectid === oid)).toBe(false);
  });
});
