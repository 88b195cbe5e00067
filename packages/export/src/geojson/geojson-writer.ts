import { TextChunker } from "../bytes/streams.js";
import { prepareSource, type PreparedSource } from "../input/prepare-source.js";
import type { ExportFeature, FeatureSource, WriterOptions } from "../types.js";
import { wgs84Transform } from "../geometry/wgs84.js";
import { geoJSONConverter } from "../geometry/to-geojson.js";
import { encodedText } from "../input/encoded-feature.js";
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

/** The Feature text encoder of an encoding (the same in the writer and in a page worker). */
export async function geoJSONFeatureEncoder(encoding: GeoJSONEncoding, onWarning: GeoJSONOptions["onWarning"]): Promise<FeatureEncoder> {
  const transform = await wgs84Transform(encoding.spatialReference, encoding);
  const toGeoJSON = geoJSONConverter({ hasZ: encoding.hasZ, hasM: encoding.hasM }, transform, onWarning);
  return featureJsonEncoder(encoding.columns, encoding.idField, toGeoJSON, !transform && !encoding.hasZ && !encoding.hasM);
}

async function featureEncoder(prepared: PreparedSource, source: FeatureSource, options: GeoJSONOptions): Promise<FeatureEncoder> {
  const encode = await geoJSONFeatureEncoder(geoJSONEncoding(prepared, source, options), options.onWarning);
  return (feature, index) => encodedText(feature) ?? encode(feature, index);
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
