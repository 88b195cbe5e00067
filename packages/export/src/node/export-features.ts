import { createReadStream } from "node:fs";
import { basename, extname, resolve } from "node:path";
import type { Progress } from "@arcrest/core";
import { iteratorOf } from "../input/feature-iterator.js";
import { TAKE_BUFFERED, takeBuffered, type BatchingIterator } from "../input/feature-batches.js";
import { writeCSV, type CsvOptions } from "../csv/csv-writer.js";
import { ExportAbortedError } from "../errors.js";
import { writeGeoJSON, writeGeoJSONLines, type GeoJSONOptions } from "../geojson/geojson-writer.js";
import { kmlChunks, type KmlOptions } from "../kml/kml-writer.js";
import type { ShapefileOptions, ShapefilePart, ShapefileResult } from "../shapefile/shapefile-writer.js";
import { writeShapefile } from "../shapefile/shapefile-writer.js";
import type { ExportFeature, ExportWarning, FeatureSource } from "../types.js";
import { AtomicFiles } from "./atomic-files.js";
import { FileSink, pipeToFile } from "./file-sink.js";
import { zipFile } from "./zip-file.js";
import { type ExportFormat, formatFromPath } from "./formats.js";
import { fullPrjResolver } from "./full-prj.js";
import { createGeoPackage, writeGeoPackageTable } from "./geopackage.js";

/**
 * Deflate settings of a KMZ's doc.kml. Level 2 with an 8 KiB window, against zlib's level 3 and 32 KiB window
 * (measured on the benchmark's KML, 200,000 points / 20,000 polygons): about 20 % less deflate time for an
 * archive 2 % larger for points and 2 % smaller for polygons. The markup of a placemark repeats within a few
 * hundred bytes, so a short window loses little and its hash chains are shorter to search.
 */
const KMZ_DEFLATE = { level: 2, windowBits: 13 };

/** UTF-8 bytes of text: the same bytes as `TextEncoder` gives, in less time. */
function bufferUtf8(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}

/** Options of every function that writes features to a file. */
export interface ExportFileOptions {
  /** The format; default from the destination's extension (`.geojson .json .geojsonl .shp .zip .kml .kmz .csv .gpkg`). */
  format?: ExportFormat;
  /** Replace an existing destination (default `false`: a `DestinationExistsError` is thrown). */
  overwrite?: boolean;
  /** Cancels the export; nothing is left behind and an `ExportAbortedError` is thrown. */
  signal?: AbortSignal;
  /** Called as features are written (every 500 and at the end). */
  onProgress?: (progress: Progress) => void;
  /** Called for each warning (also collected in the result). */
  onWarning?: (warning: ExportWarning) => void;
  /** Shapefile options (`.shp`, `.zip`): date-time companions, `.prj`, size limit. */
  shapefile?: Omit<ShapefileOptions, "signal" | "onWarning">;
  /** CSV options: geometry as WKT or X/Y, delimiter, BOM. */
  csv?: Omit<CsvOptions, "signal" | "onWarning">;
  /** KML/KMZ options: document name, placemark name field. */
  kml?: Omit<KmlOptions, "signal" | "onWarning">;
  /** GeoJSON options: id field. */
  geojson?: Omit<GeoJSONOptions, "signal" | "onWarning">;
}

/** What an export wrote. */
export interface ExportResult {
  /** The format written. */
  format: ExportFormat;
  /** The files written (absolute paths), the main file first. */
  files: string[];
  /** Features written. */
  featureCount: number;
  /** Warnings raised (renamed fields, truncated values, null shapes, unknown `.prj`). */
  warnings: ExportWarning[];
  /** Details of a shapefile (`.shp` or `.zip`): shape type, DBF fields, bounds. */
  shapefile?: ShapefileResult;
}

const SHAPEFILE_PARTS: ShapefilePart[] = ["shp", "shx", "dbf", "prj", "cpg"];
const SHAPEFILE_STALE = [".sbn", ".sbx", ".qix", ".fbn", ".fbx", ".ain", ".aih", ".atx", ".ixs", ".mxs", ".shp.xml", ".qmd"];
const PROGRESS_EVERY = 500;

/**
 * Counts features as they pass and reports progress. A hand-written iterator
 * (one `then` per feature) rather than a generator, which would add an await
 * per feature of its own; it passes on `TAKE_BUFFERED`, so a writer reading a
 * page at a time counts the page at once.
 */
function counted(
  features: AsyncIterable<ExportFeature> | Iterable<ExportFeature>,
  state: { count: number },
  onProgress: ((progress: Progress) => void) | undefined,
  total: () => number | undefined,
): AsyncGenerator<ExportFeature> & { [TAKE_BUFFERED]: () => readonly ExportFeature[] } {
  const inner: BatchingIterator<ExportFeature> = iteratorOf(features);
  let pending = 0;
  // Features count once the writer asks for more (they have been written).
  const settle = (): void => {
    if (pending === 0) return;
    const before = state.count;
    state.count += pending;
    pending = 0;
    if (onProgress && Math.floor(state.count / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
      const t = total();
      onProgress({ done: state.count, ...(t !== undefined ? { total: t } : {}) });
    }
  };
  const step = (result: IteratorResult<ExportFeature>): IteratorResult<ExportFeature> => {
    if (!result.done) pending = 1;
    return result;
  };
  const iterator: AsyncGenerator<ExportFeature> & { [TAKE_BUFFERED]: () => readonly ExportFeature[] } = {
    next() {
      settle();
      const result = inner.next();
      return result instanceof Promise ? result.then(step) : Promise.resolve(step(result));
    },
    async return(value?: unknown) {
      settle();
      await inner.return?.();
      return { done: true, value: value as undefined };
    },
    async throw(error?: unknown) {
      await inner.return?.();
      throw error;
    },
    [TAKE_BUFFERED]() {
      settle();
      const held = takeBuffered(inner);
      pending = held.length;
      return held;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** Stops a feature stream a writer gave up on (a query stops fetching its next pages). */
async function closeSource(features: FeatureSource["features"]): Promise<void> {
  const iterator = features as { return?: (value?: unknown) => unknown };
  if (typeof iterator.return === "function") {
    try {
      await iterator.return();
    } catch {
      // it failed already; the export's error is what matters
    }
  }
}

/** Options of {@link writeFeaturesToFile} beyond {@link ExportFileOptions}. */
export interface WriteFeaturesInternals {
  /** The expected total, when a query counted it. */
  total?: () => number | undefined;
  /** Default KML placemark name field (the layer's display field). */
  defaultNameField?: string;
  /** Document name for KML (default: the file name). */
  defaultName?: string;
}

/**
 * Writes a feature source to `destination` in the format its extension names,
 * through temporary files renamed at the end (all shapefile parts together).
 * A failure or an abort removes everything written.
 *
 * @throws DestinationExistsError when the destination exists and `overwrite` is not set
 * @throws ExportAbortedError when `signal` aborts
 * @throws ExportValidationError for an unknown extension
 */
export async function writeFeaturesToFile(
  source: FeatureSource,
  destination: string,
  options: ExportFileOptions = {},
  internals: WriteFeaturesInternals = {},
): Promise<ExportResult> {
  const path = resolve(destination);
  const format = options.format ?? formatFromPath(path);
  const base = path.slice(0, path.length - extname(path).length);
  const isShapefile = format === "shapefile";
  const finals = isShapefile ? SHAPEFILE_PARTS.map((part) => `${base}.${part}`) : [path];
  const files = new AtomicFiles(finals, isShapefile ? SHAPEFILE_STALE.map((ext) => `${base}${ext}`) : []);
  const warnings: ExportWarning[] = [];
  const onWarning = (warning: ExportWarning): void => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  const { signal } = options;
  const state = { count: 0 };
  const counting: FeatureSource = {
    ...source,
    features: counted(source.features, state, options.onProgress, internals.total ?? (() => undefined)),
  };
  // Getters of the source (e.g. fields learnt from the first page) must stay live.
  for (const key of ["fields", "spatialReference", "geometryType", "hasZ", "hasM"] as const) {
    Object.defineProperty(counting, key, { get: () => source[key], enumerable: true });
  }
  const common = { onWarning, ...(signal ? { signal } : {}) };
  const name = internals.defaultName ?? basename(base);

  await files.prepare(options.overwrite === true);
  try {
    let shapefile: ShapefileResult | undefined;
    const shapefileOptions: ShapefileOptions = { prj: fullPrjResolver, ...options.shapefile, ...common };
    switch (format) {
      case "shapefile":
        shapefile = await writeShapefile(counting, (part) => FileSink.create(files.temp(`${base}.${part}`)), shapefileOptions);
        break;
      case "shapefile-zip": {
        const scratch = new Map<ShapefilePart, string>();
        shapefile = await writeShapefile(
          counting,
          (part) => {
            const file = files.scratch(`.${part}`);
            scratch.set(part, file);
            return FileSink.create(file);
          },
          shapefileOptions,
        );
        const entryBase = basename(base);
        const entries = shapefile.parts.map((part) => ({
          name: `${entryBase}.${part}`,
          // 256 KiB reads: zipFile's deflate works best in chunks of a few hundred KiB.
          data: createReadStream(scratch.get(part) as string, { highWaterMark: 1 << 18 }) as AsyncIterable<Uint8Array>,
        }));
        await pipeToFile(zipFile(entries), await FileSink.create(files.temp(path)));
        break;
      }
      case "geojson":
        await pipeToFile(writeGeoJSON(counting, { ...options.geojson, ...common }), await FileSink.create(files.temp(path)));
        break;
      case "geojsonl":
        await pipeToFile(writeGeoJSONLines(counting, { ...options.geojson, ...common }), await FileSink.create(files.temp(path)));
        break;
      case "csv":
        await pipeToFile(writeCSV(counting, { ...options.csv, ...common }), await FileSink.create(files.temp(path)));
        break;
      case "kml":
      case "kmz": {
        const kmlOptions: KmlOptions = {
          name,
          ...(internals.defaultNameField ? { nameField: internals.defaultNameField } : {}),
          ...options.kml,
          ...common,
        };
        const kml = kmlChunks(counting, kmlOptions, bufferUtf8);
        const bytes = format === "kml" ? kml : zipFile([{ name: "doc.kml", data: kml }], KMZ_DEFLATE);
        await pipeToFile(bytes, await FileSink.create(files.temp(path)));
        break;
      }
      case "gpkg": {
        const db = await createGeoPackage(files.temp(path));
        try {
          await writeGeoPackageTable(db, counting, name, common);
        } finally {
          db.close();
        }
        break;
      }
    }
    if (signal?.aborted) throw new ExportAbortedError(signal.reason);
    const written = await files.commit();
    options.onProgress?.({ done: state.count, total: state.count });
    return {
      format,
      files: isShapefile ? written : [path],
      featureCount: state.count,
      warnings,
      ...(shapefile ? { shapefile } : {}),
    };
  } catch (error) {
    await files.discard();
    await closeSource(source.features);
    if (signal?.aborted && !(error instanceof ExportAbortedError)) throw new ExportAbortedError(signal.reason);
    throw error;
  }
}
