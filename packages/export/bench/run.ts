/**
 * `pnpm bench` in packages/export: writes 200,000 points and 20,000 polygons
 * to shapefile and GeoJSON with arcrest, then has `ogr2ogr` convert the same
 * GeoJSON to a shapefile, in the same run; reports times, the ratio to
 * ogr2ogr, and peak memory at growing counts (it should stay flat).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

interface Run {
  kind: string;
  count: number;
  format: string;
  seconds: number;
  features: number;
  peakRssMb: number;
  maxRssMb: number;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "arcrest-bench-"));

function arcrest(kind: string, count: number, format: "shp" | "geojson"): Run {
  const path = join(dir, `${kind}-${count}.${format}`);
  const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=source", join(here, "worker.ts"), kind, String(count), format, path], {
    encoding: "utf8",
    cwd: join(here, ".."),
  });
  if (child.status !== 0) throw new Error(`worker failed: ${child.stderr}`);
  const run = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as Run;
  if (run.features !== count) throw new Error(`wrote ${run.features} of ${count}`);
  return run;
}

function ogr2ogr(kind: string, count: number): { seconds: number; maxRssMb: number } {
  const input = join(dir, `${kind}-${count}.geojson`);
  const output = join(dir, `${kind}-${count}-ogr.shp`);
  const start = performance.now();
  const child = spawnSync("/usr/bin/time", ["-f", "%M", "ogr2ogr", "-overwrite", "-f", "ESRI Shapefile", output, input], { encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`ogr2ogr failed: ${child.stderr}`);
  const maxRssKb = Number(child.stderr.trim().split("\n").at(-1));
  return { seconds, maxRssMb: maxRssKb / 1024 };
}

const hasOgr = spawnSync("ogr2ogr", ["--version"]).status === 0;
const hasTime = spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;
const fmt = (n: number, d = 2): string => n.toFixed(d);

try {
  console.log(`node ${process.version}, ${hasOgr ? spawnSync("ogr2ogr", ["--version"], { encoding: "utf8" }).stdout.trim() : "no ogr2ogr"}\n`);
  console.log("| data | arcrest → .shp | arcrest → .geojson | ogr2ogr .geojson → .shp | shp ratio (ogr2ogr / arcrest) | peak RSS arcrest shp | ogr2ogr max RSS |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [kind, count] of [
    ["points", 200_000],
    ["polygons", 20_000],
  ] as const) {
    const shp = arcrest(kind, count, "shp");
    const geojson = arcrest(kind, count, "geojson");
    const ogr = hasOgr && hasTime ? ogr2ogr(kind, count) : undefined;
    const size = statSync(join(dir, `${kind}-${count}.geojson`)).size / 2 ** 20;
    console.log(
      `| ${count.toLocaleString("en")} ${kind} (${fmt(size, 0)} MB GeoJSON) | ${fmt(shp.seconds)} s | ${fmt(geojson.seconds)} s | ${ogr ? `${fmt(ogr.seconds)} s` : "n/a"} | ${ogr ? `${fmt(ogr.seconds / shp.seconds)}×` : "n/a"} | ${fmt(shp.maxRssMb, 0)} MB | ${ogr ? `${fmt(ogr.maxRssMb, 0)} MB` : "n/a"} |`,
    );
  }
  console.log("\nMemory as the count grows (arcrest → .shp, process max RSS):\n");
  console.log("| points | seconds | max RSS |");
  console.log("|---|---|---|");
  for (const count of [50_000, 200_000, 800_000]) {
    const run = arcrest("points", count, "shp");
    console.log(`| ${count.toLocaleString("en")} | ${fmt(run.seconds)} | ${fmt(run.maxRssMb, 0)} MB |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
