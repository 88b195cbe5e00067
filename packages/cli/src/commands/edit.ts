import { readFile } from "node:fs/promises";
import type { EditSummary, FeaturesInput } from "@arcrest/feature-edit";
import { FeatureLayer } from "@arcrest/feature-edit";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { createProgress } from "../output/progress.js";
import { parsePositiveInteger } from "./flags.js";
import { urlKind } from "./open.js";
import type { Runner } from "./run.js";

interface EditFlags {
  add?: string;
  update?: string;
  deleteWhere?: string;
  chunk?: string;
  rollback?: boolean;
  json?: boolean;
}

/** `arcrest edit LAYER_URL --add F | --update F | --delete-where SQL`: chunked edits with a per-feature summary. */
export function registerEdit(program: Command, run: Runner): void {
  program
    .command("edit")
    .description("add or update features from a GeoJSON / Esri JSON file, or delete by a where clause")
    .argument("<layer-url>", "a feature layer URL (…/FeatureServer/<id>)")
    .option("--add <file>", "add the features of a .geojson or Esri JSON file")
    .option("--update <file>", "update features (each names its object id) from a file")
    .option("--delete-where <sql>", "delete the features matching a where clause")
    .option("--chunk <n>", "edits per request (default: the layer's maxRecordCount, at most 1000)")
    .option("--rollback", "ask the server to apply each request all or nothing")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  $ arcrest edit http://127.0.0.1:8080/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer/0 --add new.geojson --chunk 200",
    )
    .action((url: string, flags: EditFlags) => run((ctx) => editCommand(ctx, url, flags)));
}

async function editCommand(ctx: CommandContext, url: string, flags: EditFlags): Promise<void> {
  const chosen = [flags.add, flags.update, flags.deleteWhere].filter((v) => v !== undefined);
  if (chosen.length !== 1) throw new UsageError("give exactly one of --add FILE, --update FILE or --delete-where SQL");
  const batchSize = parsePositiveInteger("--chunk", flags.chunk);
  if (urlKind(url) !== "layer") throw new UsageError(`not a layer URL (…/FeatureServer/<id>): ${url}`);
  const input = flags.add ?? flags.update;
  const features = input === undefined ? undefined : await readFeatures(input);
  const layer = await FeatureLayer.connect(url, await ctx.connectOptions(url));
  const progress = createProgress({ unit: "edits", stream: ctx.stderr });
  const options = {
    signal: ctx.signal,
    rollbackOnFailure: flags.rollback === true,
    onProgress: (p: { done: number; total?: number }) => progress.update(p.done, p.total),
    ...(batchSize ? { batchSize } : {}),
  };
  let summary: EditSummary;
  try {
    if (flags.add !== undefined) summary = await layer.addFeatures(features as FeaturesInput, options);
    else if (flags.update !== undefined) summary = await layer.updateFeatures(features as FeaturesInput, options);
    else summary = await layer.deleteFeatures({ where: flags.deleteWhere as string }, options);
  } finally {
    progress.stop();
  }
  report(ctx, summary, flags.json === true);
  if (!summary.ok) process.exitCode = EXIT.failure;
}

/** Reads a GeoJSON FeatureCollection, an Esri JSON feature set or an array of features. */
async function readFeatures(path: string): Promise<FeaturesInput> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read features from ${path}: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) return parsed as FeaturesInput;
  const object = parsed as { type?: string; features?: unknown };
  if (object && Array.isArray(object.features)) {
    return (object.type === "FeatureCollection" ? object : object.features) as FeaturesInput;
  }
  throw new UsageError(`${path} holds no features (expected a GeoJSON FeatureCollection, an Esri JSON feature set or an array)`);
}

function report(ctx: CommandContext, summary: EditSummary, json: boolean): void {
  const results = [...summary.addResults, ...summary.updateResults, ...summary.deleteResults];
  const failed = results.filter((r) => r.status === "failed" || r.status === "rolled-back" || r.status === "not-applied");
  const counts = { applied: summary.applied, failed: summary.notApplied, unknown: summary.unknown, requests: summary.chunks.length };
  if (json) {
    const failures = failed.map((r) => ({ kind: r.kind, index: r.index, status: r.status, error: r.error }));
    ctx.stdout.write(`${JSON.stringify({ ...counts, failures })}\n`);
    return;
  }
  ctx.stdout.write(`applied: ${counts.applied}, failed: ${counts.failed}, unknown: ${counts.unknown} (${counts.requests} requests)\n`);
  for (const r of failed.slice(0, 20)) {
    ctx.stdout.write(`  ${r.kind} #${r.index}: ${r.status}${r.error ? ` — ${r.error.description} (code ${r.error.code ?? "?"})` : ""}\n`);
  }
  if (failed.length > 20) ctx.stdout.write(`  … and ${failed.length - 20} more\n`);
}
