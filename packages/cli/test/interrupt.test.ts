import { execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSampleServer, SYNTHETIC_SERVICE_NAME, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "./spawn.js";

const exec = promisify(execFile);

// A layer slow enough to interrupt: 60,000 points in pages of 2,000, each answer delayed.
let server: SampleServer;
let layer: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, syntheticPoints: 60_000, latencyMs: 150 });
  layer = `${server.restUrl}/${SYNTHETIC_SERVICE_NAME}/MapServer/0`;
});
afterAll(() => server.close());

describe("Ctrl-C", () => {
  it.each(["shp", "geojson", "csv"])("during an export of .%s leaves no partial file and exits 130", async (ext) => {
    const dir = await mkdtemp(join(tmpdir(), "arcrest-sigint-"));
    let sent = false;
    const run = await runCli(["export", layer, join(dir, `points.${ext}`)], {
      onStderr: (text, child) => {
        // The first progress line means features are being written.
        if (!sent && /features/.test(text)) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("progress bar on a terminal", () => {
  it("shows a count that advances, with rate and ETA", async () => {
    const dir = await mkdtemp(join(tmpdir(), "arcrest-tty-"));
    const out = join(dir, "points.geojson");
    // `script` gives the command a pseudo-terminal, as an interactive shell would.
    const { stdout } = await exec("script", ["-qfec", `${process.execPath} ${BIN} export ${layer} ${out}`, "/dev/null"], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const counts = [...stdout.matchAll(/(\d+)\/60000 features \| \d+\/s \| ETA/g)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(2);
    expect(new Set(counts).size).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(60_000);
  });
});

describe("serve-sample", () => {
  it("starts the sample server that the other commands can use, and stops on Ctrl-C", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [BIN, "serve-sample", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    const url = await new Promise<string>((resolve, reject) => {
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const line = /^(http:\/\/127\.0\.0\.1:\d+\/arcgis\/rest\/services)$/m.exec(text);
        if (line) resolve(line[1]);
      });
      child.on("close", () => reject(new Error(`serve-sample exited early: ${text}`)));
    });
    const listed = await runCli(["ls", url]);
    expect(listed.stdout).toContain("ahps_gauges.MapServer");
    const code = await new Promise<number | null>((resolve) => {
      child.on("close", resolve);
      child.kill("SIGINT");
    });
    expect(code).toBe(130);
  });
});
