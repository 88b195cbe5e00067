import { spawnSync } from "node:child_process";

/** Whether GDAL's command-line tools are installed. */
export const gdalInstalled = spawnSync("ogrinfo", ["--version"], { encoding: "utf8" }).status === 0;

/**
 * GDAL tests run whenever GDAL is installed, and must run in CI (where
 * `.ci/run` installs gdal-bin): there a missing GDAL fails instead of skipping.
 */
export const skipGdal = !gdalInstalled && process.env.CI !== "true";

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** A field as `ogrinfo -so` lists it. */
export interface OgrField {
  type: string;
  width: number;
  precision: number;
}

/** What `ogrinfo -so -al` says about the (first) layer of a file. */
export interface OgrSummary {
  driver: string;
  layerName: string;
  geometry: string;
  featureCount: number;
  /** The layer SRS as WKT (empty when unknown). */
  srs: string;
  /** Fields by name, in order. */
  fields: Map<string, OgrField>;
}

/** Runs `ogrinfo -so -al` (GDAL 3.6 has no `-json`) and parses the summary (of `layer` alone when given). */
export function ogrSummary(path: string, openOptions: string[] = [], layer?: string): OgrSummary {
  const oo = openOptions.flatMap((o) => ["-oo", o]);
  const text = run("ogrinfo", layer === undefined ? ["-so", "-al", ...oo, path] : ["-so", ...oo, path, layer]);
  const lines = text.split("\n");
  const driver = /using driver `([^']+)'/.exec(text)?.[1] ?? "";
  const layerName = /^Layer name: (.*)$/m.exec(text)?.[1] ?? "";
  const geometry = /^Geometry: (.*)$/m.exec(text)?.[1] ?? "";
  const featureCount = Number(/^Feature Count: (\d+)$/m.exec(text)?.[1] ?? NaN);
  const srsStart = lines.findIndex((l) => l.startsWith("Layer SRS WKT:"));
  const fieldsStart = lines.findIndex((l, i) => i > srsStart && (l.startsWith("Data axis to CRS axis mapping") || l === "(unknown)"));
  const srs = lines.slice(srsStart + 1, fieldsStart + (lines[fieldsStart] === "(unknown)" ? 0 : 0)).join("\n");
  const fields = new Map<string, OgrField>();
  for (const line of lines.slice(fieldsStart + 1)) {
    const m = /^(.+): (\w+) \((\d+)\.(\d+)\)$/.exec(line);
    if (m) fields.set(m[1], { type: m[2], width: Number(m[3]), precision: Number(m[4]) });
  }
  return { driver, layerName, geometry, featureCount, srs, fields };
}

/** A feature as ogr2ogr writes GeoJSON. */
export interface OgrFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

/** Reads every feature with `ogr2ogr -f GeoJSON /vsistdout/`, optionally reprojected. */
export function ogrFeatures(path: string, options: { toSrs?: string; openOptions?: string[] } = {}): OgrFeature[] {
  const args = ["-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=12", "-lco", "RFC7946=NO"];
  if (options.toSrs) args.push("-t_srs", options.toSrs);
  for (const o of options.openOptions ?? []) args.push("-oo", o);
  args.push("/vsistdout/", path);
  const collection = JSON.parse(run("ogr2ogr", args)) as { features: OgrFeature[] };
  return collection.features;
}
