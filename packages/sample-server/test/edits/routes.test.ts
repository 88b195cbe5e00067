/** Edit endpoints over HTTP: results, capabilities, drop-after-apply, attachments, uploads and replicas. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSampleServer } from "../../src/server.js";
import type { SampleServer } from "../../src/types.js";
import { getJson, postForm } from "../helpers/http.js";
import { editDataset } from "./edit-dataset.js";

let server: SampleServer;
let fs: string;

beforeEach(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  fs = `${server.restUrl}/Edits/Inspections/FeatureServer`;
});
afterEach(async () => {
  await server.close();
});

type Results = { addResults?: { objectId: number; globalId?: string; success: boolean; error?: { code: number; description: string } }[] };

describe("feature edits over HTTP", () => {
  it("adds features and serves them to queries", async () => {
    const features = [{ attributes: { name: "http", inspected: 1600000000000 }, geometry: { x: -100, y: 40 } }];
    const { body } = await postForm<Results>(`${fs}/0/addFeatures`, { f: "json", features: JSON.stringify(features) });
    expect(body.addResults?.[0]).toMatchObject({ objectId: 3, success: true });
    const query = await getJson<{ features: unknown[] }>(`${fs}/0/query?where=name%3D'http'&outFields=*&f=json`);
    expect(query.body.features).toHaveLength(1);
  });

  it("refuses adds on a layer without Create, and GETs of edit operations", async () => {
    const refused = await postForm<{ error: { code: number; message: string } }>(`${fs}/2/addFeatures`, {
      f: "json",
      features: JSON.stringify([{ attributes: { name: "no" } }]),
    });
    expect(refused.body.error).toMatchObject({ code: 400, message: "Requested operation is not supported by this service." });
    const get = await getJson<{ error: { code: number } }>(`${fs}/0/addFeatures?f=json&features=[]`);
    expect(get.body.error.code).toBe(405);
  });

  it("applies the edit before dropping the response on drop-after-apply", async () => {
    server.faults.add({ match: /addFeatures/, fault: { kind: "drop-after-apply" } });
    await expect(
      postForm(`${fs}/0/addFeatures`, { f: "json", features: JSON.stringify([{ attributes: { name: "dropped" } }]) }),
    ).rejects.toThrow();
    const count = await getJson<{ count: number }>(`${fs}/0/query?where=name%3D'dropped'&returnCountOnly=true&f=json`);
    expect(count.body.count).toBe(1);
  });

  it("deletes by where and calculates", async () => {
    const calc = await postForm<{ success: boolean; updatedFeatureCount: number }>(`${fs}/0/calculate`, {
      f: "json",
      where: "visits >= 1",
      calcExpression: JSON.stringify([{ field: "score", sqlExpression: "visits * 2" }]),
    });
    expect(calc.body).toEqual({ success: true, updatedFeatureCount: 2 });
    const del = await postForm<{ deleteResults: { objectId: number; success: boolean }[] }>(`${fs}/0/deleteFeatures`, { f: "json", where: "score = 4" });
    expect(del.body.deleteResults).toEqual([expect.objectContaining({ objectId: 2, success: true })]);
  });

  it("applies service-level edits per layer", async () => {
    const edits = [
      { id: 0, adds: [{ attributes: { name: "svc" } }] },
      { id: 1, adds: [{ attributes: { text: "note" } }] },
    ];
    const { body } = await postForm<{ id: number; addResults: { success: boolean }[] }[]>(`${fs}/applyEdits`, {
      f: "json",
      edits: JSON.stringify(edits),
    });
    expect(body.map((r) => [r.id, r.addResults[0].success])).toEqual([
      [0, true],
      [1, true],
    ]);
  });
});

function multipart(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, v, k === "attachment" ? "photo.png" : "part.bin");
  }
  return form;
}

describe("attachments and uploads over HTTP", () => {
  it("adds, lists, serves, updates and deletes an attachment", async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const added = await getJson<{ addAttachmentResult: { objectId: number; success: boolean } }>(`${fs}/0/1/addAttachment`, {
      method: "POST",
      body: multipart({ f: "json", attachment: new Blob([bytes], { type: "image/png" }) }),
    });
    expect(added.body.addAttachmentResult.success).toBe(true);
    const id = added.body.addAttachmentResult.objectId;
    const list = await getJson<{ attachmentInfos: { id: number; size: number; contentType: string }[] }>(`${fs}/0/1/attachments?f=json`);
    expect(list.body.attachmentInfos).toEqual([expect.objectContaining({ id, size: 7, contentType: "image/png" })]);
    const data = new Uint8Array(await (await fetch(`${fs}/0/1/attachments/${id}`)).arrayBuffer());
    expect([...data]).toEqual([...bytes]);
    const updated = await getJson<{ updateAttachmentResult: { success: boolean } }>(`${fs}/0/1/updateAttachment`, {
      method: "POST",
      body: multipart({ f: "json", attachmentId: String(id), attachment: new Blob([new Uint8Array([9])]) }),
    });
    expect(updated.body.updateAttachmentResult.success).toBe(true);
    const deleted = await postForm<{ deleteAttachmentResults: { objectId: number; success: boolean }[] }>(`${fs}/0/1/deleteAttachments`, {
      f: "json",
      attachmentIds: `${id},999`,
    });
    expect(deleted.body.deleteAttachmentResults.map((r) => r.success)).toEqual([true, false]);
  });

  it("registers an upload, takes parts, commits, attaches by uploadId and deletes the item", async () => {
    const reg = await postForm<{ success: boolean; item: { itemID: string } }>(`${fs}/uploads/register`, { f: "json", itemName: "big.bin" });
    const itemID = reg.body.item.itemID;
    for (const [partId, bytes] of [
      [2, [3, 4]],
      [1, [1, 2]],
    ] as const) {
      const part = await getJson<{ success: boolean }>(`${fs}/uploads/${itemID}/uploadPart`, {
        method: "POST",
        body: multipart({ f: "json", partId: String(partId), file: new Blob([new Uint8Array(bytes)]) }),
      });
      expect(part.body.success).toBe(true);
    }
    const commit = await postForm<{ item: { committed: boolean } }>(`${fs}/uploads/${itemID}/commit`, { f: "json", parts: "1,2" });
    expect(commit.body.item.committed).toBe(true);
    const attach = await postForm<{ addAttachmentResult: { objectId: number; success: boolean } }>(`${fs}/0/2/addAttachment`, { f: "json", uploadId: itemID });
    expect(attach.body.addAttachmentResult.success).toBe(true);
    const data = new Uint8Array(await (await fetch(`${fs}/0/2/attachments/${attach.body.addAttachmentResult.objectId}`)).arrayBuffer());
    expect([...data]).toEqual([1, 2, 3, 4]);
    await postForm(`${fs}/uploads/${itemID}/delete`, { f: "json" });
    const items = await getJson<{ items: unknown[] }>(`${fs}/uploads?f=json`);
    expect(items.body.items).toEqual([]);
  });
});

describe("replicas over HTTP", () => {
  type ReplicaData = { replicaID: string; replicaServerGen?: number; layers: { id: number; features: { attributes: Record<string, unknown> }[] }[] };

  it("creates an embedded replica filtered by geometry, lists it and synchronizes changes", async () => {
    const created = await postForm<ReplicaData & { transportType: string }>(`${fs}/createReplica`, {
      f: "json",
      replicaName: "r1",
      layers: "0",
      geometry: "-122.45,37.6,-122.35,37.75",
      geometryType: "esriGeometryEnvelope",
      inSR: "4326",
      transportType: "esriTransportTypeEmbedded",
      syncModel: "perLayer",
    });
    expect(created.body.transportType).toBe("esriTransportTypeEmbedded");
    expect(created.body.layers[0].features.map((f) => f.attributes.objectid)).toEqual([1]);
    const list = await getJson<{ replicaID: string }[]>(`${fs}/replicas?f=json`);
    expect(list.body.map((r) => r.replicaID)).toEqual([created.body.replicaID]);
    const info = await getJson<{ replicaName: string; layers: number[] }>(`${fs}/replicas/${created.body.replicaID}?f=json`);
    expect(info.body).toMatchObject({ replicaName: "r1", layers: [0] });

    await postForm(`${fs}/0/addFeatures`, { f: "json", features: JSON.stringify([{ attributes: { name: "later" } }]) });
    const sync = await postForm<{ edits: { id: number; features: { adds: unknown[]; deleteIds: string[] } }[]; replicaServerGen: number }>(
      `${fs}/synchronizeReplica`,
      {
        f: "json",
        replicaID: created.body.replicaID,
        replicaServerGen: String(created.body.replicaServerGen),
        transportType: "esriTransportTypeEmbedded",
        edits: JSON.stringify([{ id: 0, adds: [{ attributes: { name: "client", globalid: "{99999999-9999-4999-8999-999999999999}" } }], deleteIds: ["{22222222-2222-4222-8222-222222222222}"] }]),
      },
    );
    expect(sync.body.edits[0].features.adds).toHaveLength(1);
    expect(sync.body.replicaServerGen).toBeGreaterThan(created.body.replicaServerGen ?? 0);
    const unreg = await postForm<{ success: boolean }>(`${fs}/unRegisterReplica`, { f: "json", replicaID: created.body.replicaID });
    expect(unreg.body.success).toBe(true);
    expect((await getJson<unknown[]>(`${fs}/replicas?f=json`)).body).toEqual([]);
  });

  it("creates a replica asynchronously: status URL, polls, result file", async () => {
    const started = await postForm<{ statusUrl: string }>(`${fs}/createReplica`, { f: "json", replicaName: "r2", layers: "0,1", async: "true" });
    expect(started.body.statusUrl).toMatch(/\/jobs\/j/);
    const statuses: string[] = [];
    let status: { status: string; resultUrl?: string } = { status: "" };
    for (let i = 0; i < 10 && status.status !== "Completed"; i++) {
      status = (await getJson<typeof status>(`${started.body.statusUrl}?f=json`)).body;
      statuses.push(status.status);
    }
    expect(statuses).toEqual(["InProgress", "ExportingData", "Completed"]);
    const data = (await getJson<ReplicaData>(status.resultUrl ?? "")).body;
    expect(data.layers.map((l) => [l.id, l.features.length])).toEqual([
      [0, 2],
      [1, 0],
    ]);
  });
});
