import { Geometry } from "@arcrest/core/node";
import { clip, exportLayer, formatFromPath, type ExportLayerOptions, type ExportResult } from "@arcrest/export/node";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { createProgress } from "../output/progress.js";
import { parseBbox, parseFields, parseSpatialReference } from "./flags.js";
import { openLayer } from "./open.js";
import type { Runner } from "./run.js";

interface ExportFlags {
  where: string;
  fields?: string;
  outSr?: string;
  bbox?: string;
  bboxSr?: string;
  clip?: string;
  overwrite?: boolean;
  workers?: string;
  json?: boolean;
}

/** `arcrest export LAYER_URL OUT.ext`: a layer into a file, with a progress bar; Ctrl-C leaves nothing behind. */
export function registerExport(program: Command, run: Runner): void {
  program
    .command("export")
    .description("export a layer to a file: .geojson .geojsonl .shp .zip .csv .kml .kmz .gpkg (format from the extension)")
    .argument("<layer-url>", "a layer or table URL")
    .argument("<out>", "the file to write")
    .option("-w, --where <sql>", "where clause", "1=1")
    .option("-f, --fields <names>", "comma-separated fields to write (default: all)")
    .option("--out-sr <wkid>", "spatial reference of the output (GeoJSON and KML are always WGS84)")
    .option("--bbox <xmin,ymin,xmax,ymax>", "only features intersecting this box")
    .option("--bbox-sr <wkid>", "spatial reference of --bbox", "4326")
    .option("--clip <file>", "cut features to the first polygon of a .geojson/.json/.shp file")
    .option("--overwrite", "replace an existing file")
    .option("--workers <n>", 'page workers parsing and encoding .geojson/.geojsonl pages: "auto" or 0 to 16', "auto")
    .option("--json", "print a machine-readable summary when done")
    .addHelpText(
      "after",
      "\nExample:\n  $ arcrest export http://127.0.0.1:8080/arcgis/rest/services/ahps_gauges/MapServer/0 gauges.shp --where \"state = 'CA'\" --out-sr 3857",
    )
    .action((url: string, out: string, flags: ExportFlags) => run((ctx) => exportCommand(ctx, url, out, flags)));
}

async function exportCommand(ctx: CommandContext, url: string, out: string, flags: ExportFlags): Promise<void> {
  const format = formatFromPath(out);
  const options = exportOptions(ctx, flags);
  const filter = geometryFilter(flags);
  const layer = await openLayer(ctx, url);
  const progress = createProgress({ unit: "features", stream: ctx.stderr });
  options.onProgress = (p) => progress.update(p.done, p.total);
  const started = Date.now();
  let result: ExportResult;
  try {
    result = flags.clip
      ? await clip(layer, await Geometry.fromFile(flags.clip), out, options)
      : await exportLayer(layer, out, { ...options, ...filter });
  } finally {
    progress.stop();
  }
  const summary = { format, files: result.files, features: result.featureCount, seconds: (Date.now() - started) / 1000, warnings: result.warnings.length };
  if (flags.json) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
  else ctx.stderr.write(`wrote ${result.featureCount} features to ${result.files[0]}${summary.warnings ? ` (${summary.warnings} warnings)` : ""}\n`);
}

function exportOptions(ctx: CommandContext, flags: ExportFlags): ExportLayerOptions {
  if (flags.clip && flags.bbox) throw new UsageError("use either --clip or --bbox, not both");
  const fields = parseFields(flags.fields);
  const outSR = parseSpatialReference("--out-sr", flags.outSr);
  const options: ExportLayerOptions = { where: flags.where, signal: ctx.signal, overwrite: flags.overwrite === true, session: ctx.session };
  if (fields) options.fields = fields;
  if (outSR) options.outSR = outSR;
  options.workers = parseWorkers(flags.workers);
  return options;
}

function parseWorkers(text: string | undefined): NonNullable<ExportLayerOptions["workers"]> {
  if (text === undefined || text === "auto") return "auto";
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 16) throw new UsageError(`--workers must be "auto" or an integer from 0 to 16, got "${text}"`);
  return n;
}

function geometryFilter(flags: ExportFlags): Pick<ExportLayerOptions, "geometry"> {
  const bbox = parseBbox(flags.bbox, parseSpatialReference("--bbox-sr", flags.bboxSr));
  return bbox ? { geometry: bbox } : {};
}
