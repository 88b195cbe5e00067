/**
 * exportReplica writes attachments whose names and parent ids a hostile server chose (`../../x`, absolute
 * paths, `CON`, control characters, 300 characters, nothing) inside the target folder, never outside,
 * and lists the written paths in the layer's file.
 */
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportReplica, type ReplicaAttachmentData } from "../src/node/index.js";

const NAMES = ["../../x", "..", "/etc/passwd", "C:\\Windows\\win.ini", "CON", "NUL", "aux.txt", `${"n".repeat(300)}.txt`, "a\u0000b\u0001c.txt", "", "ok.txt"];
const PARENTS = ["../../..", "/abs", "{NUL}", "", "x".repeat(300)];

let server: SampleServer;
let root: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ server, dir: root, close } = await startSampleServerAndFolder("arcrest-replica-names-")));
afterAll(() => close?.());

describe("exportReplica with hostile names", () => {
  it("writes every attachment inside the folder", async () => {
    const folder = join(root, "deep", "inside");
    mkdirSync(folder, { recursive: true });
    const attachments: ReplicaAttachmentData[] = NAMES.map((name, i) => ({
      id: i + 1,
      parentGlobalId: PARENTS[i % PARENTS.length],
      name,
      data: Buffer.from([i]).toString("base64"),
    }));
    const [layer] = await exportReplica({ serviceUrl: `${server.restUrl}/ahps_gauges/MapServer`, layers: [{ id: 0, features: [], attachments }] }, folder);
    expect(layer.attachments).toHaveLength(NAMES.length);
    for (const rel of layer.attachments) {
      expect(rel.startsWith("..") || isAbsolute(rel), rel).toBe(false);
      const id = Number(/\/(\d+)-[^/]*$/.exec(rel)?.[1]);
      expect([...readFileSync(join(folder, rel))]).toEqual([id - 1]);
    }
    // Nothing written beside the folder.
    expect(readdirSync(join(root, "deep"))).toEqual(["inside"]);
    expect(readdirSync(root)).toEqual(["deep"]);
  });
});
