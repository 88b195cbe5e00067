/**
 * One measured client in a fresh process, so its CPU time and peak RSS are its own:
 *   client.ts <mode> <layerUrl> <outFile>
 * prints one JSON line { mode, features, ms, cpuMs, mainCpuMs, gcMs, maxRssMB } (cpuMs: the client's CPU,
 * all threads, from the start of the job; imports happen before the clock starts; mainCpuMs: the main
 * thread's share, from /proc, 10 ms resolution, absent off Linux; gcMs: the main thread's GC pauses).
 *
 *   floor      fetch + JSON.parse of every page, 4 in flight, object-id ranges, nothing written
 *   features   arcrest `features()` iterated, nothing written
 *   script     the plain ~60-line script: sequential object-id ranges, f=json, JSON.stringify per page, streamed to .geojson
 *   esri       @esri/arcgis-rest-feature-service `queryAllFeatures`, then the same GeoJSON written
 *   export     arcrest `exportLayer(layer, outFile)` (the format from the extension); an optional
 *              fourth argument is its `workers` option (default "auto")
 */
import { createWriteStream, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { once } from "node:events";

const [mode, url, out, workersArg] = process.argv.slice(2) as [string, string, string, string | undefined];
const IN_FLIGHT = 4;

interface EsriPointFeature {
  attributes: Record<string, unknown>;
  geometry?: { x: number; y: number } | null;
}

/** Layer facts the plain clients need: count and page size (the synthetic layer's ids run 1..count). */
async function layerFacts(): Promise<{ count: number; pageSize: number; oid: string }> {
  const info = (await (await fetch(`${url}?f=json`)).json()) as { maxRecordCount?: number; objectIdField?: string };
  const count = ((await (await fetch(`${url}/query?where=1%3D1&returnCountOnly=true&f=json`)).json()) as { count: number }).count;
  return { count, pageSize: info.maxRecordCount ?? 1000, oid: info.objectIdField ?? "objectid" };
}

function pageUrl(oid: string, from: number, to: number): string {
  const where = encodeURIComponent(`${oid} >= ${from} AND ${oid} < ${to}`);
  return `${url}/query?where=${where}&outFields=*&returnGeometry=true&outSR=4326&f=json`;
}

async function floor(): Promise<number> {
  const { count, pageSize, oid } = await layerFacts();
  const starts: number[] = [];
  for (let start = 1; start <= count; start += pageSize) starts.push(start);
  let n = 0;
  let next = 0;
  const inFlight: Promise<string>[] = [];
  const launch = (): void => {
    const start = starts[next++];
    inFlight.push(fetch(pageUrl(oid, start, start + pageSize)).then((r) => r.text()));
  };
  while (next < starts.length && inFlight.length < IN_FLIGHT) launch();
  while (inFlight.length > 0) {
    const text = await (inFlight.shift() as Promise<string>);
    if (next < starts.length) launch();
    n += (JSON.parse(text) as { features: unknown[] }).features.length;
  }
  return n;
}

function toGeoJSON(f: EsriPointFeature): unknown {
  return { type: "Feature", properties: f.attributes, geometry: f.geometry ? { type: "Point", coordinates: [f.geometry.x, f.geometry.y] } : null };
}

/** What a person would write in an afternoon: one page at a time, stringify per page, stream out. */
async function script(): Promise<number> {
  const { count, pageSize, oid } = await layerFacts();
  const file = createWriteStream(out);
  file.write('{"type":"FeatureCollection","features":[\n');
  let n = 0;
  for (let start = 1; start <= count; start += pageSize) {
    const page = (await (await fetch(pageUrl(oid, start, start + pageSize))).json()) as { features: EsriPointFeature[] };
    if (page.features.length === 0) continue;
    const text = JSON.stringify(page.features.map(toGeoJSON));
    if (!file.write((n > 0 ? ",\n" : "") + text.slice(1, -1))) await once(file, "drain");
    n += page.features.length;
  }
  file.end("\n]}\n");
  await once(file, "finish");
  return n;
}

async function esri(): Promise<number> {
  const { queryAllFeatures } = await import("@esri/arcgis-rest-feature-service");
  const result = (await queryAllFeatures({ url, where: "1=1", outFields: "*", outSR: "4326" } as never)) as unknown as { features: EsriPointFeature[] };
  const file = createWriteStream(out);
  file.write('{"type":"FeatureCollection","features":[\n');
  const features = result.features;
  for (let i = 0; i < features.length; i += 2000) {
    const text = JSON.stringify(features.slice(i, i + 2000).map(toGeoJSON));
    if (!file.write((i > 0 ? ",\n" : "") + text.slice(1, -1))) await once(file, "drain");
  }
  file.end("\n]}\n");
  await once(file, "finish");
  return features.length;
}

const { MapServiceLayer } = await import("@arcrest/query");
const { exportLayer, writeFeaturesToFile } = await import("@arcrest/export/node");
if (mode === "export") {
  // Load what the writer imports lazily (the .prj table, SQLite, zlib) before the clock starts.
  const warm = join(tmpdir(), `arcrest-bench-warm-${process.pid}${extname(out)}`);
  const features = [{ attributes: { id: 1 }, geometry: { x: 1, y: 2, spatialReference: { wkid: 4326 } } }];
  await writeFeaturesToFile({ features }, warm, { overwrite: true });
  for (const ext of [extname(out), ".shx", ".dbf", ".prj", ".cpg"]) rmSync(warm.replace(/\.[^.]+$/, ext), { force: true });
}
if (mode === "esri") await import("@esri/arcgis-rest-feature-service");

async function features(): Promise<number> {
  const layer = await MapServiceLayer.connect(url);
  let n = 0;
  for await (const feature of layer.features()) if (feature.attributes) n++;
  return n;
}

async function exported(): Promise<number> {
  const layer = await MapServiceLayer.connect(url);
  const workers = workersArg === undefined || workersArg === "auto" ? "auto" : Number(workersArg);
  return (await exportLayer(layer, out, { overwrite: true, workers })).featureCount;
}

const MODES: Record<string, () => Promise<number>> = { floor, script, esri, features, export: exported };
const run = MODES[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
/** The main thread's CPU time in ms (user + system, in clock ticks of 10 ms), or NaN where /proc is absent. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ["gc"] });

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpuMs();
const count = await run();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const mainCpuMs = mainThreadCpuMs() - main0;
console.log(JSON.stringify({ mode, features: count, ms, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs, gcMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
