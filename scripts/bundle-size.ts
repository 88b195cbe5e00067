/**
 * Browser bundle sizes of arcrest entry points, as an app bundles them: esbuild, ESM, browser
 * platform, minified, code splitting on. Prints, per case, the gzipped size of what loads up front
 * (the entry chunk and chunks it imports statically) and of everything the import can load (lazy
 * chunks included), and with `--detail` the minified bytes each input module contributes.
 *
 * Usage: `pnpm tsx scripts/bundle-size.ts [--detail]`; `--readme` rewrites the bundle-size column of
 * the root README's package table, `--report` writes docs/bundle-size.md.
 */
import { build, type Metafile } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** Sizes of one bundled import. */
export interface BundleSize {
  /** Gzipped bytes of the entry chunk and the chunks it imports statically. */
  upFront: number;
  /** Gzipped bytes of every chunk the import can load, lazy ones included. */
  everything: number;
  /** Every input module of every chunk. */
  inputs: string[];
  /** Every module esbuild read, tree-shaken ones included. */
  read: string[];
  /** Minified bytes per input module, over all chunks. */
  bytesPerInput: Map<string, number>;
}

/** Bundles `code` (resolved from `resolveDir`) for a browser and measures it. */
export async function measureBundle(code: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: "ts" },
    bundle: true,
    splitting: true,
    outdir: join(resolveDir, "bundle-out"), // only names the chunks: nothing is written
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const upFrontNames = upFrontChunks(outputs);
  const gzipOf = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path).split(sep).join("/"), gzipSync(f.contents).length]));
  let upFront = 0;
  let everything = 0;
  for (const [name, size] of gzipOf) {
    if (!name.endsWith(".js")) continue;
    everything += size;
    if (upFrontNames.has(name)) upFront += size;
  }
  const bytesPerInput = new Map<string, number>();
  for (const output of Object.values(outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      bytesPerInput.set(input, (bytesPerInput.get(input) ?? 0) + bytesInOutput);
    }
  }
  return { upFront, everything, inputs: [...bytesPerInput.keys()], read: Object.keys(result.metafile.inputs), bytesPerInput };
}

function upFrontChunks(outputs: Metafile["outputs"]): Set<string> {
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint !== undefined);
  if (entry === undefined) throw new Error("esbuild reported no entry chunk");
  const names = new Set([entry]);
  for (const name of names) {
    for (const imported of outputs[name].imports) if (imported.kind === "import-statement") names.add(imported.path);
  }
  return names;
}

/** A budgeted import: `budget` is the goal (issue 10), `limit` the failing threshold the test holds (a ratchet at the best size achieved while above the goal). Both in gzipped bytes of everything the import can load. */
export interface BudgetCase {
  name: string;
  /** Package whose folder the import is resolved from. */
  pkg: string;
  code: string;
  budget: number;
  limit: number;
}

const KIB = 1024;

/** The budgets of issue 10, with the ratchet each bundle test holds until the goal is met. */
export const BUDGETS: BudgetCase[] = [
  { name: "queryFeatures", pkg: "query", code: `export { queryFeatures } from "@arcrest/query";`, budget: 9 * KIB, limit: 16.3 * KIB },
  { name: "streamFeatures", pkg: "query", code: `export { streamFeatures } from "@arcrest/query";`, budget: 11 * KIB, limit: 21.1 * KIB },
  { name: "MapServiceLayer", pkg: "query", code: `export { MapServiceLayer } from "@arcrest/query";`, budget: 16 * KIB, limit: 28.9 * KIB },
  { name: "addFeatures", pkg: "feature-edit", code: `export { addFeatures } from "@arcrest/feature-edit";`, budget: 11 * KIB, limit: 16.1 * KIB },
  {
    name: "queryFeatures + findAddressCandidates + suggest",
    pkg: "geocode",
    code: `export { queryFeatures } from "@arcrest/query"; export { findAddressCandidates, suggest } from "@arcrest/geocode";`,
    budget: 12 * KIB,
    limit: 16.9 * KIB,
  },
];

/**
 * The least a ky-based `queryFeatures` can be: one POST with ArcGIS-style parameters and a check for an error
 * inside the 200 body; no token, no redirect policy, no size limit, no geometry conversion, no value
 * normalisation. A measuring stick for the budgets, not product code.
 */
const BARE_KY_QUERY = `import ky from "ky";
const encode = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v != null)
  .map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]));
export async function queryFeatures(url, options = {}) {
  const body = encode({ f: "json", where: options.where ?? "1=1", outFields: "*", geometry: options.geometry });
  const json = await ky.post(url + "/query", { body, signal: options.signal, retry: { limit: 2, methods: ["post"] } }).json();
  if (json.error) throw Object.assign(new Error(json.error.message), { code: json.error.code });
  return json;
}`;

/** Fixed costs every request pays, measured for the report. */
export const FLOORS: { name: string; pkg: string; code: string }[] = [
  { name: "ky (the transport)", pkg: "core", code: `export { default } from "ky";` },
  { name: "request (pipeline and errors)", pkg: "core", code: `export { request } from "@arcrest/core";` },
  { name: "a bare ky `queryFeatures` (code below)", pkg: "core", code: BARE_KY_QUERY },
];

/** The same imports from arcgis-rest-js (the peer the issues compare with), measured the same way. */
export const PEERS: { name: string; pkg: string; code: string }[] = [
  { name: "arcgis-rest-js `request`", pkg: "query", code: `export { request } from "@esri/arcgis-rest-request";` },
  { name: "arcgis-rest-js `queryFeatures`", pkg: "query", code: `export { queryFeatures } from "@esri/arcgis-rest-feature-service";` },
  { name: "arcgis-rest-js `queryAllFeatures`", pkg: "query", code: `export { queryAllFeatures } from "@esri/arcgis-rest-feature-service";` },
  { name: "arcgis-rest-js `addFeatures`", pkg: "query", code: `export { addFeatures } from "@esri/arcgis-rest-feature-service";` },
];

/** Browser packages of the root README's table: everything each main entry can load. */
export const PACKAGES = ["core", "query", "feature-edit", "geocode", "gp", "export", "portal", "admin", "image"];

export const kB = (n: number) => (n / KIB).toFixed(1);

async function measureCase(c: { pkg: string; code: string }): Promise<BundleSize> {
  return measureBundle(c.code, join(repo, "packages", c.pkg));
}

async function packageRows(): Promise<Map<string, BundleSize>> {
  const rows = new Map<string, BundleSize>();
  for (const pkg of PACKAGES) rows.set(pkg, await measureCase({ pkg, code: `export * from "@arcrest/${pkg}";` }));
  return rows;
}

/** Rewrites the "bundle size" column of the root README's package table from fresh measurements. */
async function writeReadme(): Promise<void> {
  const path = join(repo, "README.md");
  const rows = await packageRows();
  const lines = readFileSync(path, "utf8").split("\n");
  const out = lines.map((line) => {
    const pkg = /^\| `@arcrest\/([a-z-]+)` \|/.exec(line)?.[1];
    if (line.startsWith("| package | what it adds")) return "| package | what it adds | browser bundle, whole entry (min+gzip: up front / everything) |";
    if (line === "|---|---|" || line === "|---|---|---:|") return "|---|---|---:|";
    if (pkg === undefined) return line;
    const cells = line.split(" | ");
    const size = rows.get(pkg);
    const figure = size ? `${kB(size.upFront)} / ${kB(size.everything)} kB` : "(node only)";
    const base = cells.length > 2 ? cells.slice(0, 2).join(" | ") : line.replace(/ \|$/, "");
    return `${base.replace(/ \|$/, "")} | ${figure} |`;
  });
  writeFileSync(path, out.join("\n"));
}

/** The area a module belongs to: ky, or a package's source folder (`core/geometry`, `query/paging`, ...). */
function areaOf(input: string): string {
  if (input.includes("/ky/")) return "ky";
  const m = /packages\/([a-z-]+)\/src\/(?:([a-z-]+)\/)?/.exec(input);
  return m ? `${m[1]}/${m[2] ?? "(top)"}` : input;
}

/** Writes docs/bundle-size.md: each budget's sizes, the floor, and minified bytes per area and per module. */
async function writeReport(): Promise<void> {
  const out = [
    "# Browser bundle sizes",
    "",
    "Written by `pnpm tsx scripts/bundle-size.ts --report` (do not edit by hand). esbuild, ESM, browser platform,",
    "minified, code splitting on; sizes gzipped. *Up front*: the entry chunk and the chunks it imports statically;",
    "*everything*: every chunk the import can load (what the budgets of issue 10 count). The bundle tests fail above",
    "*test limit*, a ratchet at the best size reached while a budget is not met.",
    "",
    "| import | up front | everything | budget | test limit |",
    "|---|---:|---:|---:|---:|",
  ];
  const details: string[] = [];
  for (const c of BUDGETS) {
    const size = await measureCase(c);
    out.push(`| \`${c.name}\` | ${kB(size.upFront)} kB | ${kB(size.everything)} kB | ${kB(c.budget)} kB | ${kB(c.limit)} kB |`);
    details.push(...breakdown(c.name, size));
  }
  out.push("", "## Floor: what every request pays", "", "| import | everything |", "|---|---:|");
  const floors: number[] = [];
  for (const c of FLOORS) {
    floors.push((await measureCase(c)).everything);
    out.push(`| ${c.code.includes("\n") ? c.name : `${c.name}: \`${c.code}\``} | ${kB(floors[floors.length - 1])} kB |`);
  }
  out.push("", "The bare ky `queryFeatures` (a measuring stick, not product code):", "", "```js", BARE_KY_QUERY, "```");
  out.push("", "## Peers, measured the same way", "", "| import | everything |", "|---|---:|");
  for (const c of PEERS) out.push(`| ${c.name} | ${kB((await measureCase(c)).everything)} kB |`);
  const [ky, request] = floors;
  out.push(
    "",
    `\`request\` alone (ky ${kB(ky)} kB, plus the pipeline and the typed errors: ${kB(request - ky)} kB) is ${kB(request)} kB, over the`,
    "9 kB budget of `queryFeatures` and most of the 11 kB of `addFeatures` and `streamFeatures` before they add anything.",
    "Why the budgets are out of reach without dropping features, with the cost of each: [bundle-budgets.md](bundle-budgets.md).",
  );
  out.push("", "## Minified bytes (before gzip) per area and module", "", ...details);
  writeFileSync(join(repo, "docs", "bundle-size.md"), `${out.join("\n")}\n`);
}

function breakdown(name: string, size: BundleSize): string[] {
  const areas = new Map<string, [string, number][]>();
  for (const [input, bytes] of size.bytesPerInput) {
    if (bytes === 0) continue;
    const area = areaOf(input);
    areas.set(area, [...(areas.get(area) ?? []), [input.replace(/^(\.\.\/)+/, "").replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, ""), bytes]]);
  }
  const total = (rows: [string, number][]) => rows.reduce((s, [, b]) => s + b, 0);
  const sorted = [...areas].sort((a, b) => total(b[1]) - total(a[1]));
  const lines = [`### \`${name}\``, "", "| area | bytes | modules (bytes) |", "|---|---:|---|"];
  for (const [area, rows] of sorted) {
    const modules = rows.sort((a, b) => b[1] - a[1]).map(([m, b]) => `${m.split("/").pop()} ${b}`).join(", ");
    lines.push(`| ${area} | ${total(rows)} | ${modules} |`);
  }
  return [...lines, ""];
}

function printDetail(size: BundleSize): void {
  const rows = [...size.bytesPerInput].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
  for (const [input, bytes] of rows) console.log(`  ${String(bytes).padStart(6)}  ${input.replace(/^(\.\.\/)+/, "").replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, "")}`);
}

async function main() {
  const detail = process.argv.includes("--detail");
  if (process.argv.includes("--readme")) return writeReadme();
  if (process.argv.includes("--report")) return writeReport();
  for (const c of BUDGETS) {
    const size = await measureCase(c);
    console.log(`${c.name}: up front ${kB(size.upFront)} kB, everything ${kB(size.everything)} kB (min+gzip, budget ${kB(c.budget)} kB, test limit ${kB(c.limit)} kB)`);
    if (detail) printDetail(size);
  }
  for (const c of FLOORS) {
    const size = await measureCase(c);
    console.log(`${c.name}: ${kB(size.everything)} kB (min+gzip)`);
    if (detail) printDetail(size);
  }
  for (const c of PEERS) console.log(`${c.name}: ${kB((await measureCase(c)).everything)} kB (min+gzip)`);
  for (const [pkg, size] of await packageRows()) console.log(`@arcrest/${pkg} (whole entry): up front ${kB(size.upFront)} kB, everything ${kB(size.everything)} kB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
