import { TextChunker } from "../bytes/streams.js";
import { ExportValidationError } from "../errors.js";
import { wgs84Transform } from "../geometry/wgs84.js";
import { geoJSONConverter } from "../geometry/to-geojson.js";
import { isPlainXY } from "../geometry/plain-point.js";
import { prepareSource } from "../input/prepare-source.js";
import { FeatureBatches } from "../input/feature-batches.js";
import type { ExportFeature, FeatureSource, WriterOptions } from "../types.js";
import { plainValue, type PlainValue } from "../values/plain-value.js";
import type { Column } from "../values/columns.js";
import { columnEncoder } from "../values/column-encoder.js";
import { isoDateTime } from "../values/dates.js";
import { toWkt } from "./wkt.js";

/** How geometry goes into a CSV. */
export type CsvGeometry = "wkt" | "xy" | "none";

/** Options of {@link writeCSV}. */
export interface CsvOptions extends WriterOptions {
  /**
   * `"wkt"`: a `WKT` column first; `"xy"`: `X` and `Y` columns (and `Z`) first, points only;
   * `"none"`: attributes only. Default: `"xy"` for point layers, `"wkt"` for others, `"none"` for tables.
   */
  geometry?: CsvGeometry;
  /** Project coordinates to WGS84 longitude/latitude (default `false`: as given). */
  wgs84?: boolean;
  /** Field separator (default `,`). */
  delimiter?: string;
  /** Start with a UTF-8 byte order mark, which Excel needs to read UTF-8 (default `false`). */
  bom?: boolean;
  /** Features read ahead to infer what the source leaves open (default 1000). */
  lookahead?: number;
}

/** RFC 4180 quoting: fields with the separator, quotes or line breaks are quoted, quotes doubled. */
export function csvField(value: PlainValue, delimiter = ","): string {
  if (value === null) return "";
  const text = typeof value === "string" ? value : String(value);
  if (text.includes('"') || text.includes(delimiter) || text.includes("\n") || text.includes("\r") || /^\s|\s$/.test(text)) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** Characters of a number's or ISO date's text: a delimiter among them means quoting, left to {@link csvField}. */
const NUMBER_CHARS = /[-0-9.eE+:TZ\s]/;

/** A column's cell text ({@link csvField} of its plain value), numbers, strings and epoch dates without `plainValue`. */
function cellText(column: Column, delimiter: string): (attributes: Record<string, unknown> | null | undefined) => string {
  const other = (attributes: Record<string, unknown> | null | undefined): string => csvField(plainValue(column, attributes), delimiter);
  if (NUMBER_CHARS.test(delimiter)) return other;
  return columnEncoder(column, { number: String, string: (value) => csvField(value, delimiter), date: isoDateTime, empty: "", other });
}

/**
 * Streams features as CSV (RFC 4180: CRLF line breaks, quoted fields where
 * needed): a header of field names, dates as ISO 8601, geometry as WKT or X/Y
 * columns. Yields UTF-8 chunks.
 */
export async function* writeCSV(source: FeatureSource, options: CsvOptions = {}): AsyncGenerator<Uint8Array> {
  const prepared = await prepareSource(source, {
    ...(options.lookahead !== undefined ? { lookahead: options.lookahead } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new ExportValidationError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`, "delimiter");
  }
  const isPoint = prepared.geometryType === "esriGeometryPoint";
  const mode: CsvGeometry = options.geometry ?? (!prepared.geometryType ? "none" : isPoint ? "xy" : "wkt");
  if (mode === "xy" && prepared.geometryType && !isPoint) {
    throw new ExportValidationError(`CSV X/Y columns need point features; this layer has ${prepared.geometryType} (use geometry: "wkt")`, "geometry");
  }
  const transform = options.wgs84 ? await wgs84Transform(prepared.spatialReference, prepared) : undefined;
  const toGeoJSON = geoJSONConverter({ hasZ: prepared.hasZ, hasM: prepared.hasM }, transform, options.onWarning);
  const geometryHeader = mode === "wkt" ? ["WKT"] : mode === "xy" ? (prepared.hasZ ? ["X", "Y", "Z"] : ["X", "Y"]) : [];
  const header = [...geometryHeader, ...prepared.columns.map((c) => c.name)];

  const geometryCells = (feature: ExportFeature, index: number): PlainValue[] => {
    const geometry = toGeoJSON(feature.geometry, index);
    if (mode === "wkt") return [toWkt(geometry)];
    const coordinates = geometry?.type === "Point" ? geometry.coordinates : undefined;
    return geometryHeader.map((_, i) => coordinates?.[i] ?? null);
  };

  const chunker = new TextChunker();
  if (options.bom) chunker.push("\uFEFF");
  chunker.push(`${header.map((h) => csvField(h, delimiter)).join(delimiter)}\r\n`);
  let index = 0;
  const cellsOf = prepared.columns.map((column) => cellText(column, delimiter));
  const plainXY = mode === "xy" && !transform && !prepared.hasZ && !prepared.hasM && !NUMBER_CHARS.test(delimiter);
  const geometryText = (feature: ExportFeature, index: number): string => {
    const g = feature.geometry;
    if (plainXY && isPlainXY(g)) {
      // A 2D point as it is: the X and Y cells geometryCells would give, without GeoJSON on the way.
      return `${g.x}${delimiter}${g.y}`;
    }
    return geometryCells(feature, index).map((c) => csvField(c, delimiter)).join(delimiter);
  };
  const row = (feature: ExportFeature, index: number): string => {
    // Without geometry the first attribute cell starts the row.
    let text = mode === "none" ? undefined : geometryText(feature, index);
    const attributes = feature.attributes;
    for (let i = 0; i < cellsOf.length; i++) {
      const cell = (cellsOf[i] as (a: typeof attributes) => string)(attributes);
      text = text === undefined ? cell : `${text}${delimiter}${cell}`;
    }
    return `${text ?? ""}\r\n`;
  };
  // A page at a time where the source holds one (no await per feature).
  const batches = new FeatureBatches(prepared.features);
  try {
    for (;;) {
      const batch = batches.take() ?? (await batches.next());
      if (!batch) break;
      for (let i = 0; i < batch.length; i++) {
        const chunk = chunker.push(row(batch[i] as ExportFeature, index++));
        if (chunk) yield chunk;
      }
    }
  } finally {
    await batches.close();
  }
  yield chunker.flush();
}
