import type { GeoJSONConverter } from "../geometry/to-geojson.js";
import { isPlainXY } from "../geometry/plain-point.js";
import type { ExportFeature } from "../types.js";
import type { Column } from "../values/columns.js";
import { isoDateTime } from "../values/dates.js";
import { plainValue } from "../values/plain-value.js";
import { columnEncoder } from "../values/column-encoder.js";
import { encodedText } from "../input/encoded-feature.js";
import { separateFeatureText } from "./feature-boundaries.js";

/** Turns a feature into the text of a GeoJSON Feature. */
export type FeatureJsonEncoder = (feature: ExportFeature, index: number) => string;

/** The JSON text of one column's value, with the common cases (numbers, strings, epoch dates) done without `plainValue`. */
function valueEncoder(column: Column): (attributes: Record<string, unknown> | null | undefined) => string {
  return columnEncoder(column, {
    number: String,
    string: (value) => JSON.stringify(value),
    date: (ms) => `"${isoDateTime(ms)}"`,
    empty: "null",
    other: (attributes) => JSON.stringify(plainValue(column, attributes)),
  });
}

/**
 * Writes GeoJSON Feature text straight from the Esri feature, with the same
 * bytes `JSON.stringify` of a Feature object (`type`, `id`, `properties`,
 * `geometry`) would give, but without building that object: property keys are
 * quoted once, values are encoded by column kind, and 2D points skip the
 * geometry conversion.
 */
export function featureJsonEncoder(
  columns: readonly Column[],
  idField: string | undefined,
  toGeoJSON: GeoJSONConverter,
  plainPoints: boolean,
): FeatureJsonEncoder {
  const keys = columns.map((c, i) => `${i === 0 ? "" : ","}${JSON.stringify(c.name)}:`);
  const values = columns.map(valueEncoder);
  const n = columns.length;
  return (feature, index) => {
    const attributes = feature.attributes;
    let text = '{"type":"Feature",';
    if (idField !== undefined) {
      const id = attributes?.[idField];
      if (typeof id === "number") {
        if (!Number.isNaN(id)) text += `"id":${Number.isFinite(id) ? id : "null"},`;
      } else if (typeof id === "string" && id !== "") text += `"id":${JSON.stringify(id)},`;
    }
    text += '"properties":{';
    for (let i = 0; i < n; i++) text += keys[i] + values[i](attributes);
    text += '},"geometry":';
    const g = feature.geometry;
    if (plainPoints && isPlainPoint(g)) {
      text += `{"type":"Point","coordinates":[${g.x},${g.y}]}}`;
    } else {
      text += `${JSON.stringify(toGeoJSON(feature.geometry, index))}}`;
    }
    return text;
  };
}

/** Turns a run of features into the text of their GeoJSON Features, `separator` between them. */
export type FeaturePageEncoder = (features: readonly ExportFeature[], firstIndex: number, separator: string) => string;

/** Column kinds whose values {@link featurePageEncoder} writes through `JSON.stringify` as they are (dates after conversion). */
const PAGE_KINDS = new Set(["integer", "double", "string", "guid", "date"]);
const MIN_RUN = 8;

/**
 * The same text as {@link featureJsonEncoder} for a run of features, made with
 * one `JSON.stringify` per run instead of a string per value: a feature whose
 * attributes hold exactly the columns, in order, with values of their kind
 * (numbers, strings, null; dates as epoch milliseconds or `Date`) goes into
 * the run as `{ type, id, properties: attributes, geometry }`, its dates
 * replaced by their ISO text for the call and put back after it. Any other
 * feature is encoded by `single`; so is every feature when a column's kind
 * needs conversion beyond dates, and a run shorter than `MIN_RUN`.
 *
 * Runs are joined by "," and split at `FEATURE_BOUNDARY` (feature-boundaries.ts), so the separator is the caller's.
 */
export function featurePageEncoder(
  columns: readonly Column[],
  idField: string | undefined,
  toGeoJSON: GeoJSONConverter,
  plainPoints: boolean,
  single: FeatureJsonEncoder,
): FeaturePageEncoder {
  const singles = eachFeature(single);
  if (!columns.every((c) => PAGE_KINDS.has(c.kind))) return singles;
  const names = columns.map((c) => c.name);
  // 0: number, 1: string, 2: date.
  const kinds = columns.map((c) => (c.kind === "string" || c.kind === "guid" ? 1 : c.kind === "date" ? 2 : 0));
  const dateNames = columns.filter((c) => c.kind === "date").map((c) => c.name);
  const n = names.length;

  /** Whether the attributes can go into the run as they are (apart from dates). */
  const fits = (attributes: Record<string, unknown> | null | undefined): attributes is Record<string, unknown> => {
    if (attributes === null || typeof attributes !== "object") return false;
    let i = 0;
    for (const key in attributes) {
      if (i >= n || key !== names[i]) return false;
      const value = attributes[key];
      if (value !== null) {
        const kind = kinds[i];
        if (kind === 0 ? typeof value !== "number" : kind === 1 ? typeof value !== "string" : !isDateValue(value)) return false;
      }
      i++;
    }
    return i === n && Object.getPrototypeOf(attributes) === Object.prototype;
  };

  return (features, firstIndex, separator) => {
    // A call of `JSON.stringify` pays off over runs, not single features (sources without pages).
    if (features.length < MIN_RUN) return singles(features, firstIndex, separator);
    const texts: string[] = [];
    let run: object[] = [];
    const touched: Record<string, unknown>[] = [];
    const originals: unknown[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      let text: string;
      try {
        text = JSON.stringify(run);
      } finally {
        for (let k = 0, t = 0; t < touched.length; t++) {
          const attributes = touched[t] as Record<string, unknown>;
          for (const name of dateNames) attributes[name] = originals[k++];
        }
        touched.length = 0;
        originals.length = 0;
      }
      text = text.slice(1, -1);
      texts.push(separateFeatureText(text, separator));
      run = [];
    };
    for (let i = 0; i < features.length; i++) {
      const feature = features[i] as ExportFeature;
      const attributes = feature.attributes;
      if (!fits(attributes) || encodedText(feature) !== undefined) {
        flush();
        texts.push(single(feature, firstIndex + i));
        continue;
      }
      if (dateNames.length > 0 && !replaceDates(attributes, dateNames, originals)) {
        // A frozen object or a getter: encoded as it is.
        flush();
        texts.push(single(feature, firstIndex + i));
        continue;
      }
      if (dateNames.length > 0) touched.push(attributes);
      const g = feature.geometry;
      const point = plainPoints && isPlainPoint(g) ? { type: "Point", coordinates: [g.x, g.y] } : undefined;
      run.push(featureObject(feature, attributes, idField, point, toGeoJSON, firstIndex + i));
    }
    flush();
    return texts.join(separator);
  };
}

/** Each feature's text by `single`, `separator` between them. */
function eachFeature(single: FeatureJsonEncoder): FeaturePageEncoder {
  return (features, firstIndex, separator) => {
    let text = "";
    for (let i = 0; i < features.length; i++) text += (i === 0 ? "" : separator) + single(features[i] as ExportFeature, firstIndex + i);
    return text;
  };
}

/**
 * Replaces the date values of `attributes` by their ISO text, their originals appended to `originals`;
 * `false` (nothing changed, nothing appended) when the object does not take the writes.
 */
function replaceDates(attributes: Record<string, unknown>, dateNames: readonly string[], originals: unknown[]): boolean {
  const mark = originals.length;
  try {
    for (const name of dateNames) {
      const value = attributes[name];
      originals.push(value);
      if (value !== null) attributes[name] = isoDateTime(typeof value === "number" ? value : (value as Date).getTime());
    }
    return true;
  } catch {
    for (let k = mark; k < originals.length; k++) {
      try {
        attributes[dateNames[k - mark] as string] = originals[k];
      } catch {
        // not writable: it was not changed either
      }
    }
    originals.length = mark;
    return false;
  }
}

/** A date value the run writes as ISO text: finite epoch milliseconds or a valid `Date`. */
function isDateValue(value: unknown): boolean {
  return typeof value === "number" ? Number.isFinite(value) : value instanceof Date && Number.isFinite(value.getTime());
}

/** A plain 2D point ({@link isPlainXY}) not flagged `hasZ` or `hasM`: its GeoJSON is `[x, y]`, without the converter. */
function isPlainPoint(geometry: ExportFeature["geometry"]): geometry is { x: number; y: number } {
  return isPlainXY(geometry) && geometry.hasZ !== true && geometry.hasM !== true;
}

/** The Feature object `JSON.stringify` turns into the encoder's text (keys in its order). */
function featureObject(
  feature: ExportFeature,
  properties: Record<string, unknown>,
  idField: string | undefined,
  point: object | undefined,
  toGeoJSON: GeoJSONConverter,
  index: number,
): object {
  const geometry = point ?? toGeoJSON(feature.geometry, index);
  if (idField !== undefined) {
    const id = properties[idField];
    if ((typeof id === "number" && !Number.isNaN(id)) || (typeof id === "string" && id !== "")) {
      return { type: "Feature", id, properties, geometry };
    }
  }
  return { type: "Feature", properties, geometry };
}
