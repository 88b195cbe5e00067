/**
 * Attachment names a hostile server could send (`../../x`, absolute paths, `CON`, control characters,
 * 300 characters, nothing) are written inside the target folder, never outside, by downloadAllAttachments
 * and saveAttachment; a namer that leaves the folder is refused before anything is written.
 */
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { ValidationError } from "@arcrest/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attachment } from "@arcrest/query";
import { FeatureService, type FeatureLayer } from "../src/index.js";
import { downloadAllAttachments, saveAttachment } from "../src/node/index.js";
import { editDataset, LAYERS } from "./helpers/dataset.js";

const NAMES = [
  "../../x",
  "..",
  "/etc/passwd",
  "C:\\Windows\\win.ini",
  "CON",
  "NUL",
  "aux.txt",
  `${"n".repeat(300)}.txt`,
  "tab\there\u0001\u007f.txt",
  "   ",
  "ok.txt",
];

let server: SampleServer;
let layer: FeatureLayer;
let root: string;
let oid: number;

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

beforeAll(async () => {
  server = await startSampleServer({ port: 0, dataset: editDataset() });
  const service = await FeatureService.connect(`${server.restUrl}/Edits/Inspections/FeatureServer`);
  layer = await service.layer(LAYERS.inspections);
  root = await mkdtemp(join(tmpdir(), "arcrest-hostile-names-"));
  const added = await layer.addFeatures([{ attributes: { name: "hostile names" }, geometry: { x: 1, y: 1 } }]);
  oid = added.addResults[0].objectId as number;
  for (const [i, name] of NAMES.entries()) {
    const result = await layer.addAttachment(oid, { data: new Uint8Array([i]), name, contentType: "text/plain" });
    expect(result.success, `adding ${JSON.stringify(name)}`).toBe(true);
  }
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe("hostile attachment names", () => {
  it("downloadAllAttachments writes every attachment inside the folder", async () => {
    const target = join(root, "all", "inside");
    await mkdir(target, { recursive: true });
    const files = await downloadAllAttachments(layer, target, { objectIds: [oid] });
    expect(files).toHaveLength(NAMES.length);
    for (const { path, attachment } of files) {
      const rel = relative(target, path);
      expect(rel.startsWith("..") || isAbsolute(rel), path).toBe(false);
      expect([...(await readFile(path))]).toEqual([NAMES.indexOf(attachment.name) === -1 ? expect.any(Number) : NAMES.indexOf(attachment.name)]);
    }
    // Nothing anywhere but inside the target folder.
    expect(await filesUnder(join(root, "all"))).toEqual(files.map((f) => join("inside", relative(target, f.path))).sort());
  });

  it("saveAttachment keeps each attachment inside the folder it is given", async () => {
    const target = join(root, "save", "inside");
    await mkdir(target, { recursive: true });
    const saved: string[] = [];
    for (const attachment of await layer.attachments(oid)) saved.push(relative(target, await saveAttachment(attachment, `${target}/`)));
    for (const rel of saved) expect(rel.startsWith("..") || isAbsolute(rel) || rel.includes("/"), rel).toBe(false);
    expect(await filesUnder(join(root, "save"))).toEqual([...new Set(saved)].map((r) => join("inside", r)).sort());
  });

  it("refuses a namer whose path leaves the folder, before writing anything", async () => {
    const target = join(root, "namer");
    const namers = [(a: Attachment) => `../escape-${a.id}.txt`, (a: Attachment) => `${root}/abs-${a.id}.txt`, (a: Attachment) => `a/../../b-${a.id}.txt`, (a: Attachment) => (a.id === 1 ? "" : `${a.id}`)];
    for (const namer of namers) {
      await expect(downloadAllAttachments(layer, target, { objectIds: [oid], namer })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(readdir(root)).resolves.not.toContain("namer");
    expect((await readdir(root)).filter((n) => n.endsWith(".txt"))).toEqual([]);
  });
});
