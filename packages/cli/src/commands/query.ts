import { writeCSV, writeGeoJSON, writeGeoJSONLines, type FeatureSource } from "@arcrest/export";
import type { SpatialReference } from "@arcrest/core";
import type { MapServiceLayer } from "@arcrest/query";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { parseFields, parsePositiveInteger, parseSpatialReference } from "./flags.js";
import { openLayer } from "./open.js";
import type { Runner } from "./run.js";

const FORMATS = ["ndjson", "geojson", "csv"] as const;
type QueryFormat = (typeof FORMATS)[number];

interface QueryFlags {
  where: string;
  fields?: string;
  outSr?: string;
  format: string;
  limit?: string;
}

/** `arcrest query LAYER_URL --format ndjson|csv|geojson`: features to stdout, streamed. */
export function registerQuery(program: Command, run: Runner): void {
  program
    .command("query")
    .description("stream a layer's features to stdout as newline-delimited GeoJSON, a GeoJSON collection or CSV")
    .argument("<layer-url>", "a layer or table URL")
    .option("-w, --where <sql>", "where clause", "1=1")
    .option("-f, --fields <names>", "comma-separated fields (default: all)")
    .option("--out-sr <wkid>", "spatial reference of CSV geometry (GeoJSON is always WGS84)")
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, "ndjson")
    .option("--limit <n>", "stop after this many features")
    .addHelpText(
      "after",
      "\nExample:\n  $ arcrest query http://127.0.0.1:8080/arcgis/rest/services/ahps_gauges/MapServer/0 --where \"state = 'CA'\" | jq .properties.gaugelid",
    )
    .action((url: string, flags: QueryFlags) => run((ctx) => queryCommand(ctx, url, flags)));
}

async function queryCommand(ctx: CommandContext, url: string, flags: QueryFlags): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got ${flags.format}`);
  const format = flags.format as QueryFormat;
  const fields = parseFields(flags.fields);
  const limit = parsePositiveInteger("--limit", flags.limit);
  const outSR = format === "csv" ? parseSpatialReference("--out-sr", flags.outSr) : { wkid: 4326 };
  const layer = await openLayer(ctx, url);
  const source = layerFeatures(ctx, layer, flags.where, fields, outSR, limit);
  const options = { signal: ctx.signal };
  const bytes = format === "csv" ? writeCSV(source, options) : format === "geojson" ? writeGeoJSON(source, options) : writeGeoJSONLines(source, options);
  for await (const chunk of bytes) {
    if (!ctx.stdout.write(chunk)) await drained(ctx.stdout, ctx.signal);
  }
}

function layerFeatures(
  ctx: CommandContext,
  layer: MapServiceLayer,
  where: string,
  fields: string[] | undefined,
  outSR: SpatialReference | undefined,
  limit: number | undefined,
): FeatureSource {
  const wanted = fields?.map((name) => {
    const field = layer.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) throw new UsageError(`no field ${name} in ${layer.url}; it has ${layer.fields.map((f) => f.name).join(", ")}`);
    return field;
  });
  const features = layer.features({
    where,
    outFields: wanted ? wanted.map((f) => f.name) : ["*"],
    returnGeometry: layer.geometryType !== undefined,
    signal: ctx.signal,
    ...(outSR ? { outSR } : {}),
  });
  const source: FeatureSource = {
    features: limit === undefined ? features : take(features, limit),
    fields: (wanted ?? layer.fields).filter((f) => f.type !== "esriFieldTypeGeometry"),
  };
  const sr = outSR ?? layer.spatialReference;
  if (sr) source.spatialReference = sr;
  if (layer.geometryType) source.geometryType = layer.geometryType;
  return source;
}

async function* take<T>(items: AsyncIterable<T>, limit: number): AsyncGenerator<T> {
  let n = 0;
  for await (const item of items) {
    yield item;
    if (++n >= limit) return;
  }
}

function drained(stream: NodeJS.WritableStream, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      stream.off("drain", done);
      signal.removeEventListener("abort", done);
      if (signal.aborted) reject(signal.reason);
      else resolve();
    };
    stream.once("drain", done);
    signal.addEventListener("abort", done, { once: true });
  });
}
