/** Replicas in JSON format over HTTP: sync and async creation, listing, info, synchronisation, unregistering. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureService, ReplicaJobError } from "../src/index.js";
import { createReplicaParams } from "../src/replicas/create-replica.js";
import { exportReplica } from "@arcrest/export/node";
import { editDataset, LAYERS } from "./helpers/dataset.js";

let server: SampleServer;
let service: FeatureService;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
  const layer = await service.layer(LAYERS.inspections);
  await layer.addFeatures([
    { attributes: { name: "inside-1" }, geometry: { x: -122.4, y: 37.7 } },
    { attributes: { name: "inside-2" }, geometry: { x: -122.41, y: 37.71 } },
    { attributes: { name: "outside" }, geometry: { x: 10, y: 10 } },
  ]);
  const [first] = await layer.objectIds({ where: "name = 'inside-1'" });
  await layer.addAttachment(first, { data: new Uint8Array([1, 2, 3]), name: "photo.png", contentType: "image/png" });
});
afterAll(async () => {
  await server.close();
});

const area = { xmin: -123, ymin: 37, xmax: -122, ymax: 38, spatialReference: { wkid: 4326 } };

describe("createReplica", () => {
  it("creates a snapshot replica of the features in an area, with attachment links", async () => {
    const replica = await service.createReplica({ replicaName: "snap", layers: [LAYERS.inspections], geometry: area, returnAttachments: true });
    expect(replica.replicaName).toBe("snap");
    expect(replica.layers).toHaveLength(1);
    expect(replica.layers[0].features.map((f) => f.attributes.name).sort()).toEqual(["inside-1", "inside-2"]);
    expect(replica.layers[0].attachments).toEqual([expect.objectContaining({ name: "photo.png", contentType: "image/png", size: 3 })]);
    const link = replica.layers[0].attachments[0].url ?? "";
    expect([...new Uint8Array(await (await fetch(link)).arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await service.replicas()).toEqual([]);
  });

  it("reads the data from the result file when the transport is a URL", async () => {
    const replica = await service.createReplica({ replicaName: "by-url", layers: [LAYERS.inspections, LAYERS.notes], transportType: "url" });
    expect(replica.layers.map((l) => l.id)).toEqual([LAYERS.inspections, LAYERS.notes]);
    expect(replica.replicaID).toMatch(/^\{/);
  });

  it("runs asynchronously with status polling and progress", async () => {
    const statuses: string[] = [];
    const replica = await service.createReplica({
      replicaName: "async",
      layers: [LAYERS.inspections],
      geometry: area,
      async: true,
      pollInterval: 10,
      syncModel: "perLayer",
      onProgress: (p) => statuses.push(p.status),
    });
    expect(statuses).toEqual(["InProgress", "ExportingData", "Completed"]);
    expect(replica.layers[0].features).toHaveLength(2);
    expect(await service.replicas()).toEqual([{ replicaName: "async", replicaID: replica.replicaID }]);
    const info = await service.replicaInfo(replica.replicaID);
    expect(info).toMatchObject({ replicaName: "async", syncModel: "perLayer" });
    expect(await service.unRegisterReplica(replica)).toBe(true);
    expect(await service.replicas()).toEqual([]);
  });

  it("stops polling when cancelled", async () => {
    const controller = new AbortController();
    const pending = service.createReplica({
      replicaName: "cancelled",
      layers: [LAYERS.inspections],
      async: true,
      pollInterval: 50,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error("stop")),
    });
    await expect(pending).rejects.toThrow("stop");
    expect(await service.replicas()).toEqual([]);
  });

  it("gives up after maxWait with a typed error", async () => {
    await expect(service.createReplica({ replicaName: "slow", layers: [0], async: true, pollInterval: 5, maxWait: 1 })).rejects.toBeInstanceOf(ReplicaJobError);
  });

  it("checks its input", () => {
    expect(() => createReplicaParams({ replicaName: "", layers: [0] })).toThrow(/replicaName/);
    expect(() => createReplicaParams({ replicaName: "x", layers: [] })).toThrow(/layers/);
  });
});

describe("synchronizeReplica", () => {
  it("uploads local edits by GlobalID and downloads the server's changes", async () => {
    const replica = await service.createReplica({ replicaName: "sync", layers: [LAYERS.inspections], syncModel: "perLayer" });
    const layer = await service.layer(LAYERS.inspections);
    await layer.addFeatures([{ attributes: { name: "server-side" } }]);
    const outsideGid = replica.layers[0].features.find((f) => f.attributes.name === "outside")?.attributes.globalid as string;
    const result = await service.synchronizeReplica(replica, {
      edits: [{ id: LAYERS.inspections, adds: [{ attributes: { name: "client-side", inspected: new Date(5) } }], deleteIds: [outsideGid] }],
    });
    expect(result.changes[0].adds.map((f) => f.attributes.name)).toEqual(["server-side"]);
    expect(result.replicaServerGen).toBeGreaterThan(replica.replicaServerGen ?? 0);
    expect(await layer.count({ where: "name = 'client-side'" })).toBe(1);
    expect(await layer.count({ where: "name = 'outside'" })).toBe(0);
    const again = await service.synchronizeReplica(replica.replicaID, { replicaServerGen: result.replicaServerGen });
    expect(again.changes[0]).toMatchObject({ adds: [], updates: [], deleteIds: [] });
    await service.unRegisterReplica("*");
  });
});

describe("exportReplica", () => {
  it("writes each layer to a file with its attachments beside it, linked from each feature", async () => {
    const folder = await mkdtemp(join(tmpdir(), "arcrest-replica-"));
    try {
      const replica = await service.createReplica({ replicaName: "export", layers: [LAYERS.inspections, LAYERS.notes], geometry: area, returnAttachments: true });
      const written = await exportReplica(replica, folder);
      expect(written.map((w) => [w.layerId, w.name, w.result.featureCount])).toEqual([
        [LAYERS.inspections, "inspections", 2],
        [LAYERS.notes, "notes", 0],
      ]);
      const [attachment] = written[0].attachments;
      expect(attachment).toMatch(/^inspections_attachments\/.+\/\d+-photo\.png$/);
      expect([...(await readFile(join(folder, attachment)))]).toEqual([1, 2, 3]);
      const geojson = JSON.parse(await readFile(written[0].result.files[0], "utf8")) as { features: { properties: Record<string, unknown> }[] };
      const withPhoto = geojson.features.find((f) => f.properties.name === "inside-1");
      expect(withPhoto?.properties.attachments).toBe(attachment);
      expect(geojson.features.find((f) => f.properties.name === "inside-2")?.properties.attachments).toBe("");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
