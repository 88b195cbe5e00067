/** Edit and attachment-edit answers have the structure of the recorded ArcGIS answers (shared fixtures). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer } from "../../src/server.js";
import type { SampleServer } from "../../src/types.js";
import { getJson, postForm } from "../helpers/http.js";
import { structuralDiff } from "../helpers/structure.js";
import { editDataset } from "./edit-dataset.js";

const SHARED = join(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/arcgis");
const shared = (path: string): unknown => JSON.parse(readFileSync(join(SHARED, path), "utf8")) as unknown;

let server: SampleServer;
let fs: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  fs = `${server.restUrl}/Edits/Inspections/FeatureServer`;
});
afterAll(async () => {
  await server.close();
});

describe("edit answers match the fixtures' structure", () => {
  it("addFeatures, updateFeatures, deleteFeatures", async () => {
    const added = await postForm(`${fs}/0/addFeatures`, { f: "json", features: JSON.stringify([{ attributes: { name: "s" } }]) });
    expect(structuralDiff(shared("edits/arcgis-rest-js__feature-addFeaturesResponse.json"), added.body)).toEqual([]);
    const updated = await postForm(`${fs}/0/updateFeatures`, { f: "json", features: JSON.stringify([{ attributes: { objectid: 1, name: "t" } }]) });
    expect(structuralDiff(shared("edits/arcgis-rest-js__feature-updateFeaturesResponse.json"), updated.body)).toEqual([]);
    const deleted = await postForm(`${fs}/0/deleteFeatures`, { f: "json", objectIds: "2" });
    expect(structuralDiff(shared("edits/arcgis-rest-js__feature-deleteFeaturesResponse.json"), deleted.body)).toEqual([]);
  });

  it("addAttachment, deleteAttachments, attachment infos", async () => {
    const form = new FormData();
    form.append("f", "json");
    form.append("attachment", new Blob([new Uint8Array([1, 2])], { type: "application/pdf" }), "permit.pdf");
    const added = await getJson<{ addAttachmentResult: { objectId: number } }>(`${fs}/0/1/addAttachment`, { method: "POST", body: form });
    expect(structuralDiff(shared("attachments/arcgis-rest-js__feature-addAttachmentResponse.json"), added.body)).toEqual([]);
    const infos = await getJson(`${fs}/0/1/attachments?f=json`);
    expect(structuralDiff(shared("attachments/arcgis-rest-js__feature-getAttachmentsResponse.json"), infos.body)).toEqual([]);
    const deleted = await postForm(`${fs}/0/1/deleteAttachments`, { f: "json", attachmentIds: String(added.body.addAttachmentResult.objectId) });
    expect(structuralDiff(shared("attachments/arcgis-rest-js__feature-deleteAttachmentsResponse.json"), deleted.body)).toEqual([]);
  });
});
