import { LayerMetadata, type Field, type GeometryType, type Session, type SpatialReference } from "@arcrest/core";
import type { FeaturesOptions, MapServiceLayer, NormalizeOptions } from "@arcrest/query";
import { flattenPages, streamPagesWith } from "@arcrest/query/internal";
import { geoJSONEncoding } from "../geojson/geojson-writer.js";
import { columnForField } from "../values/columns.js";
import { ExportValidationError } from "../errors.js";
import type { ExportWarning, FeatureSource } from "../types.js";
import { type ExportFileOptions, type ExportResult, writeFeaturesToFile } from "./export-features.js";
import { type ExportFormat, formatFromPath, formatWantsWgs84 } from "./formats.js";
import { PagePool } from "./workers/page-pool.js";
import type { PageEncoding } from "./workers/page-job.js";
import { resolveWorkers, type WorkersOption } from "./workers/worker-count.js";
import { workerPageReader } from "./workers/worker-features.js";

/** The parts of a layer an export reads: its metadata and `features()`. `MapServiceLayer` and `FeatureLayer` fit. */
export type ExportableLayer = Pick<MapServiceLayer, "features" | "fields" | "geometryType" | "spatialReference" | "info" | "name" | "url"> & {
  /** The layer's session (`MapServiceLayer` and `FeatureLayer` have it); page workers send their requests with it. */
  readonly session?: Session | undefined;
};

/** Query options an export passes on to `layer.features()`. */
export type ExportQueryOptions = Pick<
  FeaturesOptions,
  | "where"
  | "geometry"
  | "inSR"
  | "spatialRel"
  | "distance"
  | "units"
  | "time"
  | "objectIds"
  | "gdbVersion"
  | "orderByFields"
  | "pageSize"
  | "concurrency"
  | "paging"
  | "params"
  | "normalize"
>;

/** Options of {@link exportLayer}. */
export interface ExportLayerOptions extends ExportFileOptions, ExportQueryOptions {
  /** Fields to write, case-insensitive (default: all). The seed's `fields`. */
  fields?: string | readonly string[];
  /**
   * Spatial reference of the output, projected by the server (the seed's `sr`).
   * Default: the layer's; GeoJSON and KML are always WGS84 (asked of the server).
   */
  outSR?: number | SpatialReference;
  /** Session for the requests (default: the layer's). */
  session?: Session;
  /**
   * Page workers (`node:worker_threads`) that parse each page's JSON text and encode its
   * features to the output's text, while the main thread pages, keeps the order and writes:
   * the file's bytes are the same as with `0`. Used for `.geojson` and `.geojsonl` (other
   * formats, and layers with fields of unknown types, are encoded on the main thread). With
   * workers, pages are read from the layer's `url` with its `info` and `session`, as
   * `MapServiceLayer.features()` reads them. `"auto"` (default): `availableParallelism() - 2`
   * workers, at most 2, and none with fewer than 4 cores or a server on loopback.
   */
  workers?: WorkersOption;
}

function toSpatialReference(sr: number | SpatialReference): SpatialReference {
  return typeof sr === "number" ? { wkid: sr } : sr;
}

/** The layer's fields to write, in the order asked, each checked against the layer. */
export function selectFields(layer: Pick<ExportableLayer, "fields" | "url">, wanted: string | readonly string[] | undefined): Field[] {
  const all = layer.fields.filter((f) => f.type !== "esriFieldTypeGeometry");
  const names = typeof wanted === "string" ? wanted.split(",").map((n) => n.trim()).filter(Boolean) : wanted;
  if (!names || names.length === 0 || names.includes("*")) return all;
  const missing: string[] = [];
  const picked: Field[] = [];
  for (const name of names) {
    const field = all.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (field) {
      if (!picked.includes(field)) picked.push(field);
    } else missing.push(name);
  }
  if (missing.length > 0) {
    throw new ExportValidationError(
      `No field ${missing.join(", ")} in ${layer.url}; it has ${all.map((f) => f.name).join(", ")}`,
      "fields",
    );
  }
  return picked;
}

/** Formats whose feature text page workers make. */
const WORKER_FORMATS: ReadonlySet<ExportFormat> = new Set(["geojson", "geojsonl"]);

/** Whether page workers can encode this export (a text format, every field of a known type). */
function workersFit(format: ExportFormat, fields: readonly Field[]): boolean {
  return WORKER_FORMATS.has(format) && fields.every((f) => columnForField(f) !== undefined);
}

/** What page workers need to encode the features exactly as the writer would. */
function pageEncoding(
  layer: ExportableLayer,
  options: LayerSourceOptions,
  fields: Field[],
  normalize: NormalizeOptions | false,
  coordinates: { spatialReference: SpatialReference; hasZ: boolean; hasM: boolean },
): PageEncoding | undefined {
  if (!workersFit(options.format, fields)) return undefined;
  const columns = fields.map((f) => columnForField(f)).filter((c) => c !== undefined);
  return {
    kind: "geojson",
    geojson: geoJSONEncoding({ columns, ...coordinates }, { fields }, options.geojson ?? {}),
    fields: layer.fields,
    normalize,
    oidField: layer.fields.find((f) => f.type === "esriFieldTypeOID")?.name ?? layer.info.objectIdField,
  };
}

/** What {@link layerSource} needs beyond the layer. */
export interface LayerSourceOptions extends ExportLayerOptions {
  /** Page workers to parse and encode with (see {@link ExportLayerOptions.workers}). */
  pool?: PagePool;
  /** Output format (WGS84 formats ask the server for 4326). */
  format: ExportFormat;
  /** Total reported by the query, filled in as pages arrive. */
  progress?: { total?: number };
}

/** A feature source over `layer.features()` with the layer's description. */
export function layerSource(layer: ExportableLayer, options: LayerSourceOptions): FeatureSource {
  const fields = selectFields(layer, options.fields);
  // GeoJSON (RFC 7946) and KML are WGS84 only: ask the server for it rather than project here.
  const requestSR = formatWantsWgs84(options.format)
    ? { wkid: 4326 }
    : options.outSR !== undefined
      ? toSpatialReference(options.outSR)
      : undefined;
  const hasZ = layer.info.hasZ === true;
  const hasM = layer.info.hasM === true;
  const { fields: _fields, outSR: _outSR, format: _format, progress, onProgress: _onProgress, pool: _pool, ...query } = options;
  const {
    overwrite: _o,
    signal,
    onWarning: _w,
    shapefile: _s,
    csv: _c,
    kml: _k,
    geojson: _g,
    session,
    ...filter
  } = query;
  const geometryType: GeometryType | undefined = layer.geometryType;
  const { workers: _workers, ...query2 } = filter;
  // Writers read epoch milliseconds as they come: a `Date` per value would only be taken apart again.
  const normalize: NormalizeOptions | false = query2.normalize === false ? false : { dates: false, ...query2.normalize };
  const featuresOptions: FeaturesOptions & { f?: "json" } = {
    ...query2,
    normalize,
    outFields: fields.length > 0 ? fields.map((f) => f.name) : [layer.fields[0]?.name ?? "*"],
    returnGeometry: geometryType !== undefined,
    ...(requestSR ? { outSR: requestSR } : {}),
    ...(hasZ ? { returnZ: true } : {}),
    ...(hasM ? { returnM: true } : {}),
    ...(signal ? { signal } : {}),
    ...(session ? { session } : {}),
    onProgress: (p) => {
      if (progress && p.total !== undefined) progress.total = p.total;
    },
  };
  const spatialReference = requestSR ?? layer.spatialReference;
  const pool = options.pool;
  const encoding = pool ? pageEncoding(layer, options, fields, normalize, { spatialReference: spatialReference ?? { wkid: 4326 }, hasZ, hasM }) : undefined;
  const features =
    pool && encoding
      ? flattenPages(
          streamPagesWith(
            layer.url,
            { ...featuresOptions, layer: new LayerMetadata(layer.url, layer.info), ...((session ?? layer.session) ? { session: session ?? layer.session } : {}) },
            workerPageReader(pool, encoding, options.onWarning),
          ),
          signal,
        )
      : layer.features(featuresOptions);
  return {
    features,
    fields,
    ...(geometryType ? { geometryType } : {}),
    ...(spatialReference ? { spatialReference } : {}),
    hasZ,
    hasM,
  };
}

/**
 * Exports a layer (or table) to a file, streaming every matching feature from
 * `layer.features()` into the writer for the destination's extension (`.shp`,
 * `.zip`, `.geojson`, `.json`, `.geojsonl`, `.kml`, `.kmz`, `.csv`, `.gpkg`): the seed's
 * `layer_to_fc` and `layer_to_kmz`, in bounded memory. Written atomically: a
 * failed or aborted export leaves nothing, an existing destination is kept
 * unless `overwrite` is set.
 *
 * @example
 * ```ts
 * await exportLayer(lyr, "out/California_Stream_Gauges.shp", { where: "state = 'CA'", outSR: 102100 });
 * await exportLayer(lyr, "out/gauges.kmz", { where: "state = 'CA'" });
 * ```
 * @throws ExportValidationError for an unknown extension or field
 * @throws DestinationExistsError when the destination exists and `overwrite` is not set
 * @throws ExportAbortedError when `signal` aborts
 */
export async function exportLayer(layer: ExportableLayer, destination: string, options: ExportLayerOptions = {}): Promise<ExportResult> {
  const format = options.format ?? formatFromPath(destination);
  const progress: { total?: number } = {};
  const workers = resolveWorkers(options.workers, layer.url);
  const pool = workers > 0 && workersFit(format, selectFields(layer, options.fields)) ? new PagePool(workers) : undefined;
  // Warnings raised while pages are read (by page workers) join the writer's in the result.
  const readWarnings: ExportWarning[] = [];
  const onWarning = (warning: ExportWarning): void => {
    readWarnings.push(warning);
    options.onWarning?.(warning);
  };
  try {
    const source = layerSource(layer, { ...options, onWarning, format, progress, ...(pool ? { pool } : {}) });
    const displayField = layer.info.displayField;
    const nameField = displayField && source.fields?.some((f) => f.name === displayField) ? displayField : undefined;
    const result = await writeFeaturesToFile(source, destination, { ...options, format }, {
      total: () => progress.total,
      defaultName: layer.name,
      ...(nameField ? { defaultNameField: nameField } : {}),
    });
    return readWarnings.length > 0 ? { ...result, warnings: [...readWarnings, ...result.warnings] } : result;
  } finally {
    await pool?.close();
  }
}
