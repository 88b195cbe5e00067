import { encodeUtf8, TextChunker } from "../bytes/streams.js";
import { prepareSource, type PreparedSource } from "../input/prepare-source.js";
import type { ExportFeature, FeatureSource, WriterOptions } from "../types.js";
import { wgs84Transform } from "../geometry/wgs84.js";
import { geoJSONConverter } from "../geometry/to-geojson.js";
import { encodedText } from "../input/encoded-feature.js";
import { FeatureBatches } from "../input/feature-batches.js";
import { featureJsonEncoder, featurePageEncoder, type FeaturePageEncoder } from "./feature-json.js";
import { separateFeatureBytes, separateFeatureText } from "./feature-boundaries.js";

/** Options of {@link writeGeoJSON} and {@link writeGeoJSONLines}. */
export interface GeoJSONOptions extends WriterOptions {
  /** Attribute written as the feature `id` (default: the object id field, when the fields say which). */
  idField?: string | false;
  /** Features read ahead to infer what the source leaves open (default 1000). */
  lookahead?: number;
  /** Characters gathered before a chunk is emitted (default 64 Ki). */
  chunkSize?: number;
}

/** Everything the Feature text depends on, plain data (it is sent to page workers). */
export interface GeoJSONEncoding {
  columns: PreparedSource["columns"];
  idField: string | undefined;
  spatialReference: PreparedSource["spatialReference"];
  hasZ: boolean;
  hasM: boolean;
}

/** The encoding of a prepared source's features. */
export function geoJSONEncoding(prepared: Omit<PreparedSource, "head" | "complete" | "features">, source: Pick<FeatureSource, "fields">, options: Pick<GeoJSONOptions, "idField">): GeoJSONEncoding {
  const idField =
    options.idField === false
      ? undefined
      : (options.idField ?? source.fields?.find((f) => f.type === "esriFieldTypeOID")?.name);
  return { columns: prepared.columns, idField, spatialReference: prepared.spatialReference, hasZ: prepared.hasZ, hasM: prepared.hasM };
}

/** What the Feature text of an encoding is made with: the geometry converter, whether 2D points skip it, and the encoder. */
async function encodingParts(encoding: GeoJSONEncoding, onWarning: GeoJSONOptions["onWarning"]) {
  const transform = await wgs84Transform(encoding.spatialReference, encoding);
  const toGeoJSON = geoJSONConverter({ hasZ: encoding.hasZ, hasM: encoding.hasM }, transform, onWarning);
  const plainPoints = !transform && !encoding.hasZ && !encoding.hasM;
  return { toGeoJSON, plainPoints, encode: featureJsonEncoder(encoding.columns, encoding.idField, toGeoJSON, plainPoints) };
}

/**
 * The Feature text of a run of features (one `JSON.stringify` per run where the attributes allow it),
 * the same in the writer and in a page worker.
 */
export async function geoJSONPageEncoder(encoding: GeoJSONEncoding, onWarning: GeoJSONOptions["onWarning"]): Promise<FeaturePageEncoder> {
  const { toGeoJSON, plainPoints, encode } = await encodingParts(encoding, onWarning);
  const single = (feature: ExportFeature, index: number): string => encodedText(feature) ?? encode(feature, index);
  return featurePageEncoder(encoding.columns, encoding.idField, toGeoJSON, plainPoints, single);
}

function pageEncoder(prepared: PreparedSource, source: FeatureSource, options: GeoJSONOptions): Promise<FeaturePageEncoder> {
  return geoJSONPageEncoder(geoJSONEncoding(prepared, source, options), options.onWarning);
}

/** Page texts from this many characters are encoded on their own and their separators rewritten as bytes. */
const LARGE_TEXT = 1 << 14;

/** Every feature's text, `separator` between them, between `lead` and `tail`; a page at a time where the source allows. */
async function* featureTexts(
  prepared: PreparedSource,
  page: FeaturePageEncoder,
  separator: string,
  chunker: TextChunker,
  lead: string,
  tail: (count: number) => string,
): AsyncGenerator<Uint8Array> {
  const batches = new FeatureBatches(prepared.features);
  let index = 0;
  let chunk = lead ? chunker.push(lead) : undefined;
  if (chunk) yield chunk;
  try {
    for (;;) {
      const batch = batches.take() ?? (await batches.next());
      if (!batch) break;
      if (index > 0) {
        chunk = chunker.push(separator);
        if (chunk) yield chunk;
      }
      const text = page(batch, index, ",");
      index += batch.length;
      if (text.length < LARGE_TEXT) {
        chunk = chunker.push(separateFeatureText(text, separator));
        if (chunk) yield chunk;
        continue;
      }
      const pending = chunker.flush();
      if (pending.length > 0) yield pending;
      yield separateFeatureBytes(encodeUtf8(text), separator);
    }
  } finally {
    await batches.close();
  }
  chunker.push(tail(index));
  const rest = chunker.flush();
  if (rest.length > 0) yield rest;
}

function prepare(source: FeatureSource, options: GeoJSONOptions): Promise<PreparedSource> {
  return prepareSource(source, {
    ...(options.lookahead !== undefined ? { lookahead: options.lookahead } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * Streams features as an RFC 7946 GeoJSON FeatureCollection: coordinates in
 * WGS84 longitude/latitude (projected with `@arcrest/core/projection` when the
 * source is in another spatial reference), exterior rings counter-clockwise with
 * their holes, dates as ISO 8601 strings. Yields UTF-8 chunks.
 */
export async function* writeGeoJSON(source: FeatureSource, options: GeoJSONOptions = {}): AsyncGenerator<Uint8Array> {
  const prepared = await prepare(source, options);
  yield* featureTexts(prepared, await pageEncoder(prepared, source, options), ",\n", new TextChunker(options.chunkSize), '{"type":"FeatureCollection","features":[\n', () => "\n]}\n");
}

/**
 * Streams features as newline-delimited GeoJSON (`.geojsonl`, GeoJSON Text
 * Sequences without separators): one RFC 7946 Feature per line.
 */
export async function* writeGeoJSONLines(source: FeatureSource, options: GeoJSONOptions = {}): AsyncGenerator<Uint8Array> {
  const prepared = await prepare(source, options);
  yield* featureTexts(prepared, await pageEncoder(prepared, source, options), "\n", new TextChunker(options.chunkSize), "", (count) => (count > 0 ? "\n" : ""));
}
