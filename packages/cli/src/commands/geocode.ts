import type { SpatialReference } from "@arcrest/core";
import { type Candidate, Geocoder } from "@arcrest/geocode";
import { exportGeocodeResults } from "@arcrest/export/node";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readAddresses } from "../input/address-file.js";
import { createProgress } from "../output/progress.js";
import { parsePositiveInteger, parseSpatialReference } from "./flags.js";
import { callOptionsFor, urlKind } from "./open.js";
import type { Runner } from "./run.js";

interface GeocodeFlags {
  batch?: string;
  max?: string;
  outSr?: string;
  chunk?: string;
  overwrite?: boolean;
  json?: boolean;
}

/** `arcrest geocode URL "address"` or `arcrest geocode URL --batch IN.csv OUT.csv`. */
export function registerGeocode(program: Command, run: Runner): void {
  program
    .command("geocode")
    .description("find an address with a GeocodeServer, or geocode a file of addresses into a file (--batch)")
    .argument("<locator-url>", "a locator (…/GeocodeServer)")
    .argument("[address...]", "a one-line address; with --batch, the output file (.csv .geojson .shp .kml …)")
    .option("--batch <in-file>", "geocode every record of a .csv (header row of address fields) or a text file (one address a line)")
    .option("--max <n>", "candidates to show for one address", "5")
    .option("--out-sr <wkid>", "spatial reference of the locations")
    .option("--chunk <n>", "records per batch request (default: the locator's suggested size)")
    .option("--overwrite", "replace the output file if it exists")
    .option("--json", "print the candidates, or the batch summary, as JSON")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        '  $ arcrest geocode http://127.0.0.1:8080/arcgis/rest/services/Locators/SampleLocator/GeocodeServer "380 Oak St, Redlands, CA"',
        "  $ arcrest geocode http://127.0.0.1:8080/arcgis/rest/services/Locators/SampleLocator/GeocodeServer --batch addresses.csv geocoded.csv",
        "",
        "One address: exit 1 when nothing matches. With --batch, every record is written (unmatched and failed ones",
        "with an empty location); the exit code is 3 when some records failed on the server.",
      ].join("\n"),
    )
    .action((url: string, words: string[], flags: GeocodeFlags) => run((ctx) => geocodeCommand(ctx, url, words, flags)));
}

async function geocodeCommand(ctx: CommandContext, url: string, words: string[], flags: GeocodeFlags): Promise<void> {
  const outSR = parseSpatialReference("--out-sr", flags.outSr);
  const max = parsePositiveInteger("--max", flags.max) ?? 5;
  const batchSize = parsePositiveInteger("--chunk", flags.chunk);
  if (flags.batch !== undefined) {
    if (words.length !== 1) throw new UsageError("--batch IN needs exactly one output file: arcrest geocode URL --batch IN.csv OUT.csv");
    const records = await readAddresses(flags.batch);
    const geocoder = await connect(ctx, url);
    await batch(ctx, geocoder, records, words[0], { ...flags, ...(outSR ? { outSR } : {}), ...(batchSize ? { batchSize } : {}) });
    return;
  }
  const address = words.join(" ").trim();
  if (address === "") throw new UsageError('give an address: arcrest geocode URL "380 Oak St, Redlands, CA" (or --batch IN OUT)');
  const geocoder = await connect(ctx, url);
  const candidates = await geocoder.findAddressCandidates(address, { maxLocations: max, outFields: "*", signal: ctx.signal, ...(outSR ? { outSR } : {}) });
  printCandidates(ctx, candidates.slice(0, max), flags.json === true);
  if (candidates.length === 0) process.exitCode = EXIT.failure;
}

async function connect(ctx: CommandContext, url: string): Promise<Geocoder> {
  urlKind(url);
  if (!/\/GeocodeServer\/?$/i.test(new URL(url).pathname)) throw new UsageError(`not a locator URL (…/GeocodeServer): ${url}`);
  return Geocoder.connect(url, await callOptionsFor(ctx, url));
}

function printCandidates(ctx: CommandContext, candidates: Candidate[], json: boolean): void {
  if (json) {
    ctx.stdout.write(`${JSON.stringify(candidates.map((c) => ({ address: c.address, score: c.score, x: c.location.x, y: c.location.y })))}\n`);
    return;
  }
  if (candidates.length === 0) ctx.stderr.write("no candidates\n");
  for (const c of candidates) ctx.stdout.write(`${c.score.toFixed(0).padStart(3)}  ${c.location.x} ${c.location.y}  ${c.address}\n`);
}

async function batch(
  ctx: CommandContext,
  geocoder: Geocoder,
  records: Awaited<ReturnType<typeof readAddresses>>,
  out: string,
  flags: GeocodeFlags & { outSR?: SpatialReference; batchSize?: number },
): Promise<void> {
  const progress = createProgress({ unit: "addresses", stream: ctx.stderr });
  let results;
  try {
    results = await geocoder.geocodeAddresses(records, {
      signal: ctx.signal,
      onProgress: (p) => progress.update(p.done, p.total ?? records.length),
      ...(flags.outSR ? { outSR: flags.outSR } : {}),
      ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
    });
  } finally {
    progress.stop();
  }
  const written = await exportGeocodeResults(results, out, { records, overwrite: flags.overwrite === true, signal: ctx.signal });
  const counts = { matched: 0, tied: 0, unmatched: 0, failed: 0 };
  for (const r of results) counts[r.status] += 1;
  const summary = { records: results.length, ...counts, format: written.format, files: written.files };
  if (flags.json) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
  else ctx.stderr.write(`geocoded ${results.length} records (matched ${counts.matched}, tied ${counts.tied}, unmatched ${counts.unmatched}, failed ${counts.failed}) into ${out}\n`);
  if (counts.failed > 0) process.exitCode = EXIT.incomplete;
}
