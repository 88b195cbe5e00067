/**
 * The seed's editing walkthrough against the default sample data (`SanFrancisco/311Incidents`):
 * add an incident, attach an image, list and download the attachment, update the feature,
 * delete it, create and export a replica. `editingSteps` is written to be pasted into
 * examples/walkthrough.ts.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FeatureService } from "../src/index.js";
import { attachmentFile, saveAttachment } from "../src/node/index.js";
import { exportReplica } from "@arcrest/export/node";

async function editingSteps(restUrl: string, outDir: string, log: (line: string) => void): Promise<{ files: string[]; oid: number }> {
  const step = (title: string) => log(`\n== ${title}`);
  step("Editing: connect to a feature service");
  const fs = await FeatureService.connect(`${restUrl}/SanFrancisco/311Incidents/FeatureServer`);
  const incidents = await fs.layer("incidents");
  log(`${incidents.name}: ${incidents.listFields().join(", ")}`);

  step("Add an incident");
  const adds = [{ attributes: { req_type: "Graffiti", req_date: "09/19/2009", req_time: "18:44", address: "11 Castle St", district: "6", status: 1 }, geometry: { x: -122.4207, y: 37.7749 } }];
  const result = await incidents.addFeatures(adds);
  const oid = result.addResults[0].objectId as number;
  log(`added object id ${oid} (${result.addResults[0].globalId})`);

  step("Attach an image, list and download it");
  const png = join(outDir, "python.png");
  await writeFile(png, new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]));
  const attached = await incidents.addAttachment(oid, await attachmentFile(png));
  log(`attachment ${attached.attachmentId}: ${attached.status}`);
  const files: string[] = [];
  for (const attachment of await incidents.attachments(oid)) {
    log(`${attachment.name} ${attachment.contentType} ${attachment.size} bytes`);
    files.push(await saveAttachment(attachment, join(outDir, "attachments/")));
  }

  step("Update the incident, then delete it");
  const updated = await incidents.updateFeatures([{ attributes: { objectid: oid, status: 2, address: "13 Castle St" } }]);
  log(`update: ${updated.updateResults[0].status}`);
  const deleted = await incidents.deleteFeatures({ objectIds: [oid] });
  log(`delete: ${deleted.deleteResults[0].status}`);

  step("Create a replica and export it");
  const replica = await fs.createReplica({
    layers: [0],
    replicaName: "test_replica",
    geometry: { x: -122.45, y: 37.75, spatialReference: { wkid: 4326 } },
    geometryType: "esriGeometryPoint",
    inSR: 4326,
    layerQueries: { 0: { where: "district = '6'", useGeometry: false } },
    returnAttachments: true,
  });
  log(`replica ${replica.replicaName}: ${replica.layers[0].features.length} features`);
  for (const layer of await exportReplica(replica, join(outDir, "replica"))) {
    log(`wrote ${layer.result.files[0]} (${layer.result.featureCount} features, ${layer.attachments.length} attachments)`);
    files.push(...layer.result.files, ...layer.attachments.map((a) => join(outDir, "replica", a)));
  }
  return { files, oid };
}

let server: SampleServer;
let out: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  out = await mkdtemp(join(tmpdir(), "arcrest-walkthrough-"));
});
afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

it("runs the seed's editing walkthrough", async () => {
  const lines: string[] = [];
  const { files, oid } = await editingSteps(server.restUrl, out, (l) => lines.push(l));
  expect(lines).toContain("update: applied");
  expect(lines).toContain("delete: applied");
  expect(files[0]).toMatch(/python\.png$/);
  expect((await readFile(files[0])).length).toBe(12);
  const geojson = files.find((f) => f.endsWith(".geojson"));
  const exported = JSON.parse(await readFile(geojson as string, "utf8")) as { features: { properties: { district: string } }[] };
  expect(exported.features.length).toBeGreaterThan(0);
  expect(exported.features.every((f) => f.properties.district === "6")).toBe(true);
  const incidents = server.dataset.services.find((s) => s.name === "SanFrancisco/311Incidents")?.layers[0].features ?? [];
  expect(incidents.some((f) => f.attributes.objectid === oid)).toBe(false);
});
