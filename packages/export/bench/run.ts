/**
 * `pnpm bench` in packages/export: the whole "layer into a file" job against its peers, in one run.
 *
 * - 200,000 points from the sample server (its own process), on loopback and with 20 ms added to
 *   every response: the fetch + `JSON.parse` floor, `features()` iterated, a plain ~60-line script,
 *   `queryAllFeatures` + write, `ogr2ogr` (ESRIJSON driver over HTTP), and `exportLayer` to every format.
 * - Peak RSS at 100,000 and 1,000,000 features (floor, `.geojson`, `.gpkg`).
 * - 20,000 polygons of 50 vertices (generated in the writer's process, no server) to every format.
 *
 * Every client runs in a fresh process; rounds run the clients back to back and ratios are the
 * median of the ratios within a round. Client CPU is user + system time of the client process
 * (all threads) from the start of the job. Prints the tables and writes bench/RESULTS.md.
 * `BENCH_REPEAT` (default 3) rounds; `BENCH_FEATURES`, `BENCH_RSS` to change the sizes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type as osType } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.js";

const FEATURES = Number(process.env.BENCH_FEATURES ?? 200_000);
const RSS_SIZES = (process.env.BENCH_RSS ?? "100000,1000000").split(",").map(Number);
const POLYGONS = Number(process.env.BENCH_POLYGONS ?? 20_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const FORMATS = ["geojson", "geojsonl", "shp", "csv", "kmz", "gpkg"];
const LAYER = "Bench/SyntheticPoints/MapServer/0";
const here = fileURLToPath(new URL(".", import.meta.url));
const CLIENT = join(here, "client.ts");
const WORKER = join(here, "worker.ts");
const RESULTS = join(here, "RESULTS.md");
// Clients run the built packages (dist), as applications do: page workers then start without
// transpiling TypeScript, and nothing is compiled inside the measured job.
const NODE = [process.execPath, "--import", "tsx"];
const dir = mkdtempSync(join(tmpdir(), "arcrest-export-bench-"));
const loadAtStart = loadavg()[0].toFixed(1);

interface Sample {
  seconds: number;
  cpuSeconds: number;
  /** The main thread's part of cpuSeconds (Node clients on Linux; NaN otherwise). */
  mainCpuSeconds: number;
  /** The main thread's GC pauses (Node clients; NaN otherwise). */
  gcSeconds: number;
  maxRssMB: number;
  features: number;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** A client of the server scenarios: a client.ts mode, or ogr2ogr. */
interface Client {
  key: string;
  label: string;
  run(url: string): Sample;
}

function nodeClient(mode: string, ext: string, label: string, workers?: number): Client {
  return {
    key: mode === "export" ? `export .${ext}${workers !== undefined ? ` ${workers}w` : ""}` : mode,
    label,
    run(url) {
      const out = join(dir, `${mode}.${ext}`);
      const text = execFileSync(NODE[0], [...NODE.slice(1), CLIENT, mode, url, out, ...(workers !== undefined ? [String(workers)] : [])], { encoding: "utf8", cwd: join(here, ".."), maxBuffer: 1 << 20 });
      const m = JSON.parse(text.trim().split("\n").at(-1) as string) as { ms: number; cpuMs: number; mainCpuMs?: number; gcMs?: number; maxRssMB: number; features: number };
      rmSync(out, { force: true });
      const mainCpuSeconds = (m.mainCpuMs ?? Number.NaN) / 1000;
      return { seconds: m.ms / 1000, cpuSeconds: m.cpuMs / 1000, mainCpuSeconds, gcSeconds: (m.gcMs ?? Number.NaN) / 1000, maxRssMB: m.maxRssMB, features: m.features };
    },
  };
}

const hasOgr = spawnSync("ogr2ogr", ["--version"]).status === 0;
const ogrClient: Client = {
  key: "ogr2ogr",
  label: "GDAL `ogr2ogr` (ESRIJSON driver over HTTP) → .geojson",
  run(url) {
    const out = join(dir, "ogr.geojson");
    rmSync(out, { force: true });
    const source = `ESRIJSON:${url}/query?where=1%3D1&outFields=*&outSR=4326&f=json`;
    const start = performance.now();
    const child = spawnSync("/usr/bin/time", ["-f", "%U %S %M", "ogr2ogr", "-f", "GeoJSON", out, source], { encoding: "utf8" });
    const seconds = (performance.now() - start) / 1000;
    if (child.status !== 0) throw new Error(`ogr2ogr failed: ${child.stderr}`);
    const [user, system, rssKb] = (child.stderr.trim().split("\n").at(-1) as string).split(" ").map(Number);
    const count = Number(/Feature Count: (\d+)/.exec(execFileSync("ogrinfo", ["-so", "-al", out], { encoding: "utf8" }))?.[1]);
    rmSync(out, { force: true });
    return { seconds, cpuSeconds: user + system, mainCpuSeconds: Number.NaN, gcSeconds: Number.NaN, maxRssMB: rssKb / 1024, features: count };
  },
};

/** Runs `clients` back to back for `REPEAT` rounds against one server; samples per client key. */
async function scenario(name: string, flags: string[], clients: Client[], expected: number, rounds = REPEAT): Promise<Map<string, Sample[]>> {
  const server = await startServer(flags);
  const url = `${server.restUrl}/${LAYER}`;
  const samples = new Map<string, Sample[]>(clients.map((c) => [c.key, []]));
  try {
    clients[0].run(url); // warm the server
    for (let i = 0; i < rounds; i++) {
      for (const c of clients) {
        const s = c.run(url);
        if (s.features !== expected) throw new Error(`${name}: ${c.key} wrote ${s.features} features, expected ${expected}`);
        samples.get(c.key)?.push(s);
        process.stderr.write(`  ${name} ${c.key} #${i + 1}: ${fmt(s.seconds)} s, CPU ${fmt(s.cpuSeconds)} s, ${fmt(s.maxRssMB, 0)} MB\n`);
      }
    }
  } finally {
    await server.stop();
  }
  return samples;
}

function writerRun(kind: string, count: number, ext: string): Sample & { bytes: number } {
  const path = join(dir, `${kind}-${count}.${ext}`);
  const text = execFileSync(NODE[0], [...NODE.slice(1), WORKER, kind, String(count), path], { encoding: "utf8", cwd: join(here, "..") });
  const m = JSON.parse(text.trim().split("\n").at(-1) as string) as { seconds: number; cpuSeconds: number; maxRssMb: number; features: number };
  const bytes = statSync(path).size;
  for (const part of ["shp", "shx", "dbf", "prj", "cpg"]) rmSync(path.replace(/\.shp$/, `.${part}`), { force: true });
  rmSync(path, { force: true });
  return { seconds: m.seconds, cpuSeconds: m.cpuSeconds, mainCpuSeconds: Number.NaN, gcSeconds: Number.NaN, maxRssMB: m.maxRssMb, features: m.features, bytes };
}

const LABEL: Record<string, string> = {
  floor: "fetch + `JSON.parse` only, 4 in flight (the floor)",
  features: "arcrest `features()` iterated, nothing written",
  script: "plain ~60-line script → .geojson",
  esri: "`queryAllFeatures` (@esri/arcgis-rest-feature-service 4.11.1) + write .geojson",
};

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (line = ""): void => {
    lines.push(line);
    console.log(line);
  };
  const exportClients = FORMATS.map((ext) => nodeClient("export", ext, `**\`exportLayer\` → .${ext}**`));
  const workerClients = [1, 2].map((n) => nodeClient("export", "geojson", `**\`exportLayer\` → .geojson, \`workers: ${n}\`**`, n));
  const peers = [nodeClient("floor", "json", LABEL.floor), nodeClient("features", "json", LABEL.features), nodeClient("script", "geojson", LABEL.script), nodeClient("esri", "geojson", LABEL.esri)];
  const loopClients = [...peers, ...exportClients, ...workerClients, ...(hasOgr ? [ogrClient] : [])];
  const latencyClients = [...peers, exportClients[0], ...workerClients, ...(hasOgr ? [ogrClient] : [])];
  process.stderr.write(`${FEATURES} points, ${REPEAT} rounds\n`);
  const loop = await scenario("loopback", ["--synthetic", String(FEATURES)], loopClients, FEATURES);
  const slow = await scenario("20 ms", ["--synthetic", String(FEATURES), "--latency", "20"], latencyClients, FEATURES);

  const seconds = (m: Map<string, Sample[]>, key: string): number => median((m.get(key) ?? []).map((s) => s.seconds));
  const cpu = (m: Map<string, Sample[]>, key: string): number => median((m.get(key) ?? []).map((s) => s.cpuSeconds));
  const rss = (m: Map<string, Sample[]>, key: string): number => median((m.get(key) ?? []).map((s) => s.maxRssMB));
  /** a's time over b's, paired by round. */
  const ratio = (m: Map<string, Sample[]>, a: string, b: string, of: (s: Sample) => number = (s) => s.seconds): number => {
    const as = m.get(a) ?? [];
    const bs = m.get(b) ?? [];
    return median(as.map((s, i) => of(s) / of(bs[i] as Sample)));
  };

  const cpuName = cpus()[0]?.model ?? "unknown CPU";
  out(`# Export benchmark`);
  out();
  out(
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpuName}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GB, ${osType()} ${release()}, Node ${process.version}; ` +
      `load average ${loadAtStart} at the start, ${loadavg()[0].toFixed(1)} at the end. ${REPEAT} round(s), medians; sample server in its own process on the same machine.`,
  );
  out();
  out(`## ${FEATURES.toLocaleString("en")} points from the sample server`);
  out();
  out(`| tool | loopback wall (s) | loopback client CPU (s) | peak RSS (MB) | 20 ms wall (s) | 20 ms client CPU (s) |`);
  out(`|---|---:|---:|---:|---:|---:|`);
  for (const c of loopClients) {
    const inSlow = slow.has(c.key);
    out(`| ${c.label} | ${fmt(seconds(loop, c.key))} | ${fmt(cpu(loop, c.key))} | ${fmt(rss(loop, c.key), 0)} | ${inSlow ? fmt(seconds(slow, c.key)) : ""} | ${inSlow ? fmt(cpu(slow, c.key)) : ""} |`);
  }
  out();
  out(`| ratio (paired by round) | measured | target |`);
  out(`|---|---:|---|`);
  const G = "export .geojson";
  out(`| \`exportLayer\` .geojson client CPU / plain script CPU, loopback | ${fmt(ratio(loop, G, "script", (s) => s.cpuSeconds))} | ≤ 1.1 |`);
  out(`| \`exportLayer\` .geojson wall / plain script wall, loopback | ${fmt(ratio(loop, G, "script"))} | ≤ 1.0 |`);
  out(`| \`queryAllFeatures\` + write wall / \`exportLayer\` .geojson wall, loopback | ${fmt(ratio(loop, "esri", G))} | ≥ 1.6 |`);
  if (hasOgr) out(`| \`ogr2ogr\` wall / \`exportLayer\` .geojson wall, loopback | ${fmt(ratio(loop, "ogr2ogr", G))} | ≥ 2.2 |`);
  out(`| \`exportLayer\` .geojson wall / plain script wall, 20 ms | ${fmt(ratio(slow, G, "script"))} | ≤ 0.4 |`);
  out(`| floor wall / \`features()\` wall (speed of \`features()\` relative to the floor), loopback | ${fmt(ratio(loop, "floor", "features"))} | ≥ 0.9 |`);
  out(`| floor wall / \`features()\` wall, 20 ms | ${fmt(ratio(slow, "floor", "features"))} | ≥ 0.9 |`);
  for (const ext of FORMATS.slice(1)) {
    out(`| \`exportLayer\` .${ext} wall / .geojson wall, loopback (client CPU ratio) | ${fmt(ratio(loop, `export .${ext}`, G))} (${fmt(ratio(loop, `export .${ext}`, G, (s) => s.cpuSeconds))}) | ≤ 1.3 |`);
  }
  for (const n of [1, 2]) {
    out(`| \`exportLayer\` .geojson with \`workers: ${n}\` wall / with none, loopback (client CPU ratio) | ${fmt(ratio(loop, `${G} ${n}w`, G))} (${fmt(ratio(loop, `${G} ${n}w`, G, (s) => s.cpuSeconds))}) | < 1 to be the default |`);
    out(`| \`exportLayer\` .geojson with \`workers: ${n}\` wall / with none, 20 ms | ${fmt(ratio(slow, `${G} ${n}w`, G))} | < 1 to be the default |`);
  }
  out();
  out(`Where the client CPU goes, loopback (medians; main thread from /proc, 10 ms resolution; the other threads are V8's GC helpers, the libuv pool and the module loader):`);
  out();
  out(`| tool | client CPU (s) | main thread (s) | other threads (s) | main-thread GC pauses (s) |`);
  out(`|---|---:|---:|---:|---:|`);
  const of = (key: string, pick: (s: Sample) => number): number => median((loop.get(key) ?? []).map(pick));
  for (const c of [...peers, exportClients[0]]) {
    const total = of(c.key, (s) => s.cpuSeconds);
    const main = of(c.key, (s) => s.mainCpuSeconds);
    out(`| ${c.label} | ${fmt(total)} | ${fmt(main)} | ${fmt(total - main)} | ${fmt(of(c.key, (s) => s.gcSeconds), 3)} |`);
  }
  out();
  out(`| ratio (paired by round) | measured |`);
  out(`|---|---:|`);
  out(`| \`exportLayer\` .geojson main-thread CPU / plain script main-thread CPU, loopback | ${fmt(ratio(loop, G, "script", (s) => s.mainCpuSeconds))} |`);
  out(`| \`features()\` main-thread CPU / floor main-thread CPU, loopback | ${fmt(ratio(loop, "features", "floor", (s) => s.mainCpuSeconds))} |`);
  out();

  out(`## Peak RSS as the layer grows`);
  out();
  out(`| features | floor (MB) | \`exportLayer\` .geojson (MB) | \`exportLayer\` .gpkg (MB) | .geojson / floor |`);
  out(`|---:|---:|---:|---:|---:|`);
  const rssClients = [nodeClient("floor", "json", "floor"), nodeClient("export", "geojson", "geojson"), nodeClient("export", "gpkg", "gpkg")];
  const rssBySize: number[][] = [];
  for (const size of RSS_SIZES) {
    const m = await scenario(`${size.toLocaleString("en")} features`, ["--synthetic", String(size)], rssClients, size, 1);
    const row = [rss(m, "floor"), rss(m, G), rss(m, "export .gpkg")];
    rssBySize.push(row);
    out(`| ${size.toLocaleString("en")} | ${fmt(row[0], 0)} | ${fmt(row[1], 0)} | ${fmt(row[2], 0)} | ${fmt(row[1] / row[0])} |`);
  }
  if (rssBySize.length >= 2) {
    const first = rssBySize[0];
    const last = rssBySize.at(-1) as number[];
    out();
    out(`Growth from ${RSS_SIZES[0].toLocaleString("en")} to ${(RSS_SIZES.at(-1) as number).toLocaleString("en")} features: .geojson ${fmt(last[1] - first[1], 0)} MB, .gpkg ${fmt(last[2] - first[2], 0)} MB (target < 15 MB).`);
  }
  out();

  out(`## Writers alone: ${POLYGONS.toLocaleString("en")} polygons of 50 vertices and ${FEATURES.toLocaleString("en")} points, generated in the writer's process`);
  out();
  out(`| format | polygons wall (s) | polygons CPU (s) | / .geojson | points wall (s) | points CPU (s) | / .geojson |`);
  out(`|---|---:|---:|---:|---:|---:|---:|`);
  const polygonRuns = new Map<string, Sample[]>();
  const pointRuns = new Map<string, Sample[]>();
  for (let i = 0; i < REPEAT; i++) {
    for (const ext of FORMATS) {
      const p = writerRun("polygons", POLYGONS, ext);
      const q = writerRun("points", FEATURES, ext);
      polygonRuns.set(ext, [...(polygonRuns.get(ext) ?? []), p]);
      pointRuns.set(ext, [...(pointRuns.get(ext) ?? []), q]);
      process.stderr.write(`  writer .${ext} #${i + 1}: polygons ${fmt(p.seconds)} s, points ${fmt(q.seconds)} s\n`);
    }
  }
  for (const ext of FORMATS) {
    out(
      `| .${ext} | ${fmt(seconds(polygonRuns, ext))} | ${fmt(cpu(polygonRuns, ext))} | ${fmt(ratio(polygonRuns, ext, "geojson"))} | ${fmt(seconds(pointRuns, ext))} | ${fmt(cpu(pointRuns, ext))} | ${fmt(ratio(pointRuns, ext, "geojson"))} |`,
    );
  }
  out();
  out(
    `Notes: figures on a machine shared with other work are noisy (compare ratios within this run, not across runs); ` +
      `client CPU is the steadier measure. Peak RSS is the process's maximum resident set, Node's own heap sizing included ` +
      `(the floor, which keeps nothing, grows with the feature count too).`,
  );
  out();
  out(
    `Worker pool: \`workers: "auto"\` (the default) starts none on this machine (${availableParallelism()} cores available; fewer than 4, and the server on loopback). ` +
      `The \`workers: 1\` and \`workers: 2\` rows above are the same export with page text parsed and encoded in \`node:worker_threads\` workers.`,
  );
  writeFileSync(RESULTS, `${lines.join("\n")}\n`);
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
