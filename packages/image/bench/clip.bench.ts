/**
 * `pnpm bench`: a 5,000 × 5,000 float32 clip of the sample DEM (10 × 10 tiles of 500 × 500) written with
 * `clipToFile`, against the floor: the same tile requests (same bboxes, same server-side Clip, same
 * concurrency) fetched and discarded.
 * Each side runs in its own child process (peak RSS = that process's maxRSS); the sample server runs in
 * a third process.
 */
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "@arcrest/core";
import { ImageService } from "../src/index.js";
import { clipToFile } from "../src/node/index.js";

const SELF = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL("../../sample-server/src/cli.ts", import.meta.url));
const X = -12_990_000;
const Y = 4_510_000;
const SIDE = 50_000; // 5,000 pixels of 10 m
const polygon = { rings: [[[X, Y], [X, Y + SIDE], [X + SIDE, Y + SIDE], [X + SIDE, Y + SIDE / 2], [X + SIDE / 2, Y], [X, Y]]], spatialReference: { wkid: 102100 } };
const CONCURRENCY = 4;
/** The same server-side Clip the client sends with each tile, so the floor asks the server for the same work. */
const CLIP_RULE = encodeURIComponent(JSON.stringify({ rasterFunction: "Clip", rasterFunctionArguments: { ClippingGeometry: { rings: polygon.rings }, ClipType: 1 } }));

interface Measure {
  mode: string;
  wallMs: number;
  maxRssMB: number;
  bytes: number;
}

async function floor(restUrl: string): Promise<number> {
  let bytes = 0;
  const jobs: [number, number][] = [];
  for (let r = 0; r < 10; r++) for (let c = 0; c < 10; c++) jobs.push([c, r]);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const [c, r] = jobs[next++];
        const xmin = X + c * 5000;
        const ymax = Y + SIDE - r * 5000;
        const url = `${restUrl}/Elevation/DEM/ImageServer/exportImage?f=image&format=tiff&size=500,500&bbox=${xmin},${ymax - 5000},${xmin + 5000},${ymax}&bboxSR=102100&imageSR=102100&renderingRule=${CLIP_RULE}`;
        const n = (await (await fetch(url)).arrayBuffer()).byteLength;
        bytes += n;
      }
    }),
  );
  return bytes;
}

async function child(mode: string, restUrl: string): Promise<void> {
  const start = performance.now();
  let bytes: number;
  if (mode === "floor") bytes = await floor(restUrl);
  else {
    const dir = mkdtempSync(join(tmpdir(), "arcrest-image-bench-"));
    const path = join(dir, "dem.tif");
    const im = await ImageService.connect(`${restUrl}/Elevation/DEM/ImageServer`, { session: new Session() });
    await clipToFile(im, polygon, path, { concurrency: CONCURRENCY, compression: mode === "clip-lzw" ? "lzw" : "deflate" });
    bytes = statSync(path).size;
    const size = (JSON.parse(execFileSync("gdalinfo", ["-json", path], { encoding: "utf8" })) as { size: number[] }).size;
    if (size[0] !== 5000 || size[1] !== 5000) throw new Error(`unexpected size ${size.join("×")}`);
    rmSync(dir, { recursive: true, force: true });
  }
  const result: Measure = { mode, wallMs: performance.now() - start, maxRssMB: process.resourceUsage().maxRSS / 1024, bytes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(args: string[], waitFor?: RegExp): Promise<{ out: string; kill: () => void }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--conditions=source", "--import", "tsx", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (waitFor?.test(out)) resolve({ out, kill: () => proc.kill("SIGTERM") });
    });
    proc.once("exit", (code) => (code === 0 || waitFor ? resolve({ out, kill: () => undefined }) : reject(new Error(`${args.join(" ")} exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const server = await run([CLI, "--port", "0"], /arcrest sample server: (\S+)/);
  const restUrl = /arcrest sample server: (\S+)/.exec(server.out)![1];
  try {
    const results: Measure[] = [];
    for (const mode of ["floor", "clip", "clip-lzw"]) {
      const { out } = await run([SELF, "--child", mode, restUrl]);
      results.push(JSON.parse(out.trim().split("\n").at(-1)!) as Measure);
    }
    const [base, clip, lzw] = results;
    const label: Record<string, string> = { floor: "floor: fetch the 100 tiles, discard", clip: "clipToFile 5,000 × 5,000 float32 (Deflate)", "clip-lzw": "clipToFile 5,000 × 5,000 float32 (LZW)" };
    console.log("| | wall time (s) | × floor | peak RSS (MB) | × floor | bytes |\n|---|---:|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(`| ${label[r.mode]} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.wallMs / base.wallMs).toFixed(2)} | ${r.maxRssMB.toFixed(0)} | ${(r.maxRssMB / base.maxRssMB).toFixed(2)} | ${r.bytes.toLocaleString("en")} |`);
    }
    console.log(`\nclip peak RSS ${clip.maxRssMB.toFixed(0)} MB, LZW ${lzw.maxRssMB.toFixed(0)} MB (target < 200 MB)`);
    if (clip.maxRssMB >= 200 || lzw.maxRssMB >= 200) process.exitCode = 1;
  } finally {
    server.kill();
  }
}

const at = process.argv.indexOf("--child");
if (at >= 0) await child(process.argv[at + 1], process.argv[at + 2]);
else await main();
