import type { GeoJSONConverter } from "../geometry/to-geojson.js";
import type { ExportFeature } from "../types.js";
import type { Column } from "../values/columns.js";
import { isoDateTime } from "../values/dates.js";
import { plainValue } from "../values/plain-value.js";

/** Turns a feature into the text of a GeoJSON Feature. */
export type FeatureJsonEncoder = (feature: ExportFeature, index: number) => string;

/** The JSON text of one column's value, with the common cases (numbers, strings, epoch dates) done without `plainValue`. */
function valueEncoder(column: Column): (attributes: Record<string, unknown> | null | undefined) => string {
  const name = column.name;
  const slow = (attributes: Record<string, unknown> | null | undefined): string => JSON.stringify(plainValue(column, attributes));
  switch (column.kind) {
    case "integer":
    case "double":
      return (attributes) => {
        const value = attributes?.[name];
        if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
        return value === null || value === undefined ? "null" : slow(attributes);
      };
    case "string":
    case "guid":
      return (attributes) => {
        const value = attributes?.[name];
        if (typeof value === "string") return JSON.stringify(value);
        return value === null || value === undefined ? "null" : slow(attributes);
      };
    case "date":
      return (attributes) => {
        const value = attributes?.[name];
        if (typeof value === "number" && Number.isFinite(value)) return `"${isoDateTime(value)}"`;
        if (value instanceof Date && Number.isFinite(value.getTime())) return `"${isoDateTime(value.getTime())}"`;
        return value === null || value === undefined ? "null" : slow(attributes);
      };
    default:
      return slow;
  }
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
    const g = feature.geometry as { x?: unknown; y?: unknown; z?: unknown; m?: unknown; hasZ?: unknown; hasM?: unknown } | null | undefined;
    if (
      plainPoints &&
      g &&
      typeof g.x === "number" &&
      typeof g.y === "number" &&
      Number.isFinite(g.x) &&
      Number.isFinite(g.y) &&
      g.z === undefined &&
      g.m === undefined &&
      g.hasZ !== true &&
      g.hasM !== true
    ) {
      text += `{"type":"Point","coordinates":[${g.x},${g.y}]}}`;
    } else {
      text += `${JSON.stringify(toGeoJSON(feature.geometry, index))}}`;
    }
    return text;
  };
}
