import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { walkthrough } from "../walkthrough.js";

let server: SampleServer;
let outDir: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  outDir = await mkdtemp(join(tmpdir(), "arcrest-walkthrough-"));
});
afterAll(async () => {
  await server.close();
  await rm(outDir, { recursive: true, force: true });
});

describe("the seed walkthrough", () => {
  it("runs end to end against the sample server", async () => {
    const lines: string[] = [];
    const report = await walkthrough({ restUrl: server.restUrl, outDir, log: (l) => lines.push(l) });
    expect(report.folders).toBeGreaterThanOrEqual(4);
    expect(report.services).toBeGreaterThanOrEqual(1);
    expect(report.walked).toEqual(expect.arrayContaining(["", "SanFrancisco"]));
    expect(report.securedFolders).toEqual(["Secure"]);
    expect(report.envelope).toBe("-121.5,38.3,-121.2,38.6");
    expect(lines.join("\n")).toContain("Secure folder now lists: [\"Secure/Parcels\"]");
  });
});
