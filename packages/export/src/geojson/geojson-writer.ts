import { TextChunker } from "../bytes/streams.js";
import { prepareSource, type PreparedSource } from "../input/prepare-source.js";
import type { ExportFeature, FeatureSource, WriterOptions } from "../types.js";
import { wgs84Transform } from "../geometry/wgs84.js";
import { geoJSONConverter } from "../geometry/to-geojson.js";
import { featureJsonEncoder } from "./feature-json.js";

/** Options of {@link writeGeoJSON} and {@link writeGeoJSONLines}. */
export interface GeoJSONOptions extends WriterOptions {
  /** Attribute written as the feature `id` (default: the object id field, when the fields say which). */
  idField?: string | false;
  /** Features read ahead to infer what the source leaves open (default 1000). */
  lookahead?: number;
  /** Characters gathered before a chunk is emitted (default 64 Ki). */
  chunkSize?: number;
}

/** Turns features into GeoJSON Feature text. */
interface FeatureEncoder {
  (feature: ExportFeature, index: number): string;
}

async function featureEncoder(prepared: PreparedSource, source: FeatureSource, options: GeoJSONOptions): Promise<FeatureEncoder> {
  const transform = await wgs84Transform(prepared.spatialReference, prepared);
  const toGeoJSON = geoJSONConverter({ hasZ: prepared.hasZ, hasM: prepared.hasM }, transform, options.onWarning);
  const idField =
    options.idField === false
      ? undefined
      : (options.idField ?? source.fields?.find((f) => f.type === "esriFieldTypeOID")?.name);
  return featureJsonEncoder(prepared.columns, idField, toGeoJSON, !transform && !prepared.hasZ && !prepared.hasM);
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
  const encode = await featureEncoder(prepared, source, options);
  const chunker = new TextChunker(options.chunkSize);
  let index = 0;
  let chunk = chunker.push('{"type":"FeatureCollection","features":[\n');
  if (chunk) yield chunk;
  for await (const feature of prepared.features) {
    chunk = chunker.push(index === 0 ? encode(feature, index) : `,\n${encode(feature, index)}`);
    index++;
    if (chunk) yield chunk;
  }
  chunker.push("\n]}\n");
  yield chunker.flush();
}

/**
 * Streams features as newline-delimited GeoJSON (`.geojsonl`, GeoJSON Text
 * Sequences without separators): one RFC 7946 Feature per line.
 */
export async function* writeGeoJSONLines(source: FeatureSource, options: GeoJSONOptions = {}): AsyncGenerator<Uint8Array> {
  const prepared = await prepare(source, options);
  const encode = await featureEncoder(prepared, source, options);
  const chunker = new TextChunker(options.chunkSize);
  let index = 0;
  for await (const feature of prepared.features) {
    const chunk = chunker.push(`${encode(feature, index++)}\n`);
    if (chunk) yield chunk;
  }
  const rest = chunker.flush();
  if (rest.length > 0) yield rest;
}
