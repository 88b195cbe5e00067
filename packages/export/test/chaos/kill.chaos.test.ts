/**
 * Chaos: an export killed with SIGKILL at seeded random moments never leaves a partial file at the
 * destination: it is absent or complete (GDAL reads every feature). A killed export leaves its hidden
 * temporary files (`.<name>.<tag>.partial`) beside the destination; they are not removed by the next
 * run (another process may be writing them) and never take the destination's name.
 * `CHAOS=long` (`pnpm test:chaos`): 20 kills per format; default: 2.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ogrSummary, skipGdal } from "../support/gdal.js";

const LONG = process.env.CHAOS === "long";
const KILLS = LONG ? 20 : 2;
const TOTAL = 30_000;
const CHILD = fileURLToPath(new URL("./export-child.ts", import.meta.url));
let server: SampleServer;
let root: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ server, dir: root, close } = await startSampleServerAndFolder("arcrest-kill-", { syntheticPoints: TOTAL })));
afterAll(() => close?.());

/** Runs the export in a child; kills it with SIGKILL after `killAfterMs` (or lets it finish when undefined). */
function runChild(destination: string, killAfterMs?: number): Promise<{ finished: boolean; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", CHILD, `${server.restUrl}/Bench/SyntheticPoints/MapServer/0`, destination], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) =>
    child.on("exit", () => {
      clearTimeout(timer);
      resolve({ finished: out.includes("done"), ms: Date.now() - started });
    }),
  );
}

/** A seeded sequence in [0, 1) (mulberry32), so the kill moments are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(skipGdal)(`chaos: an export killed with SIGKILL (${KILLS} times per format)`, () => {
  it.each([".geojson", ".gpkg", ".shp"])("%s: the destination is absent or complete, never partial", async (ext) => {
    const dir = mkdtempSync(join(root, "k-"));
    const destination = join(dir, `points${ext}`);
    // One undisturbed run tells how long an export takes (to spread the kills over it), then is removed.
    const full = await runChild(destination);
    expect(full.finished).toBe(true);
    expect(ogrSummary(destination).featureCount).toBe(TOTAL);
    rmSync(dir, { recursive: true, force: true });
    const next = random(18 + ext.length);
    const outcomes = { killed: 0, complete: 0 };
    for (let i = 0; i < KILLS; i++) {
      const run = await runChild(destination, Math.floor(next() * full.ms * 1.2));
      if (existsSync(destination)) {
        expect(ogrSummary(destination).featureCount, `run ${i}`).toBe(TOTAL);
        outcomes.complete++;
      } else {
        expect(run.finished, `run ${i}`).toBe(false);
        outcomes.killed++;
      }
      // Whatever else is in the folder is hidden temporary files or a complete export's own files.
      for (const name of existsSync(dir) ? readdirSync(dir) : []) expect(name.startsWith(".") || name.startsWith("points."), name).toBe(true);
    }
    expect(outcomes.killed + outcomes.complete).toBe(KILLS);
    console.log(`${ext}: ${outcomes.killed} runs killed with no destination, ${outcomes.complete} complete, none partial`);
  }, LONG ? 1_200_000 : 180_000);
});
