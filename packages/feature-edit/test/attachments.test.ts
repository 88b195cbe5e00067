/** Attachments over HTTP: add, list, download, update, delete; 15 MB through uploads; download all to a folder. */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureService, listUploads, type FeatureLayer } from "../src/index.js";
import { attachmentFile, downloadAllAttachments, saveAttachment } from "../src/node/index.js";
import { editDataset, LAYERS } from "./helpers/dataset.js";

let server: SampleServer;
let service: FeatureService;
let layer: FeatureLayer;
let folder: string;
let oid: number;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
  layer = await service.layer(LAYERS.inspections);
  folder = await mkdtemp(join(tmpdir(), "arcrest-attachments-"));
  const added = await layer.addFeatures([{ attributes: { name: "with files" }, geometry: { x: 1, y: 1 } }, { attributes: { name: "other" }, geometry: { x: 2, y: 2 } }]);
  oid = added.addResults[0].objectId as number;
});
afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

describe("attachments", () => {
  it("adds a file from disk, lists it, downloads it, updates and deletes it", async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    const path = join(folder, "python.png");
    await writeFile(path, png);
    const added = await layer.addAttachment(oid, await attachmentFile(path), { keywords: "photo" });
    expect(added).toMatchObject({ status: "applied", success: true });
    expect(added.upload).toBeUndefined();
    const [attachment] = await layer.attachments(oid);
    expect(attachment).toMatchObject({ id: added.attachmentId, name: "python.png", contentType: "image/png", size: png.length });
    const saved = await saveAttachment(attachment, `${folder}/out/`);
    expect([...(await readFile(saved))]).toEqual([...png]);

    const updated = await layer.updateAttachment(oid, attachment.id, { data: new Uint8Array([1, 2]), name: "python.png", contentType: "image/png" });
    expect(updated.status).toBe("applied");
    expect((await layer.attachments(oid))[0].size).toBe(2);

    const deleted = await layer.deleteAttachments(oid, [attachment.id, 424242]);
    expect(deleted.map((r) => [r.attachmentId, r.status])).toEqual([
      [attachment.id, "applied"],
      [424242, "failed"],
    ]);
    expect(await layer.attachments(oid)).toEqual([]);
  });

  it("sends a 15 MB file through uploads in parts and deletes the upload afterwards", async () => {
    const big = new Uint8Array(15 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) % 251;
    const progress: number[] = [];
    server.clearRequests();
    const result = await layer.addAttachment(oid, { data: big, name: "survey.bin" }, { onProgress: (p) => progress.push(p.done) });
    expect(result.status).toBe("applied");
    expect(result.upload?.deleted).toBe(true);
    const paths = server.requests.map((r) => r.path.replace(/.*FeatureServer/, ""));
    expect(paths.filter((p) => p.endsWith("/uploadPart"))).toHaveLength(3);
    expect(paths.some((p) => p === "/uploads/register")).toBe(true);
    expect(paths.some((p) => p.endsWith("/commit"))).toBe(true);
    expect(paths.some((p) => p.endsWith("/delete"))).toBe(true);
    expect(server.requests.find((r) => r.path.endsWith("/addAttachment"))?.body.uploadId).toBe(result.upload?.itemID);
    expect(progress.at(-1)).toBe(big.length);
    expect(await listUploads(service.url)).toEqual([]);
    const stored = (await layer.attachments(oid)).find((a) => a.id === result.attachmentId);
    expect(stored?.size).toBe(big.length);
    expect(Buffer.from(await stored!.download()).equals(Buffer.from(big))).toBe(true);
  });

  it("deletes the upload even when attaching fails", async () => {
    server.faults.add({ match: /addAttachment/, fault: { kind: "error-in-200", code: 500, message: "Unable to complete operation." } });
    const result = await layer.addAttachment(oid, { data: new Uint8Array(16), name: "x.bin" }, { uploads: "always" });
    expect(result).toMatchObject({ status: "not-applied", success: false, upload: { deleted: true } });
    expect(await listUploads(service.url)).toEqual([]);
  });

  it("downloads every attachment of matching features with a namer and a concurrency limit", async () => {
    const other = (await layer.objectIds({ where: "name = 'other'" }))[0];
    await layer.addAttachment(other, { data: new Uint8Array([7, 7, 7]), name: "a.txt" });
    await layer.addAttachment(other, { data: new Uint8Array([8]), name: "b.txt" });
    const out = join(folder, "all");
    const files = await downloadAllAttachments(layer, out, {
      where: "name = 'other'",
      concurrency: 2,
      namer: (a) => `feature-${a.parentObjectId}/${a.name}`,
    });
    expect(files.map((f) => f.attachment.name)).toEqual(["a.txt", "b.txt"]);
    expect((await readdir(join(out, `feature-${other}`))).sort()).toEqual(["a.txt", "b.txt"]);
    expect([...(await readFile(join(out, `feature-${other}`, "a.txt")))]).toEqual([7, 7, 7]);
  });
});
