import type {
  EsriEnvelope,
  EsriGeometry,
  EsriMultipoint,
  EsriPoint,
  EsriPolygon,
  EsriPolyline,
  GeometryType,
} from "../types/esri-json.js";

/** True for a plain object (not null, not an array): what every geometry reader checks first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for an Esri JSON point (`{ x, y }`; `x` may be null or NaN for an empty point). */
export function isEsriPoint(value: unknown): value is EsriPoint {
  return isRecord(value) && "x" in value && !("xmin" in value);
}

/** True for an Esri JSON multipoint (`{ points }`). */
export function isEsriMultipoint(value: unknown): value is EsriMultipoint {
  return isRecord(value) && Array.isArray(value.points);
}

/** True for an Esri JSON polyline (`{ paths }`). */
export function isEsriPolyline(value: unknown): value is EsriPolyline {
  return isRecord(value) && Array.isArray(value.paths);
}

/** True for an Esri JSON polygon (`{ rings }`). */
export function isEsriPolygon(value: unknown): value is EsriPolygon {
  return isRecord(value) && Array.isArray(value.rings);
}

/** True for an Esri JSON envelope (`{ xmin, ymin, xmax, ymax }`). */
export function isEsriEnvelope(value: unknown): value is EsriEnvelope {
  return isRecord(value) && "xmin" in value && "ymin" in value && "xmax" in value && "ymax" in value;
}

/**
 * The `esriGeometry*` type of an Esri JSON geometry, told from its members, or
 * `undefined` when the value is not one.
 */
export function esriGeometryTypeOf(value: unknown): GeometryType | undefined {
  if (isEsriEnvelope(value)) return "esriGeometryEnvelope";
  if (isEsriPoint(value)) return "esriGeometryPoint";
  if (isEsriMultipoint(value)) return "esriGeometryMultipoint";
  if (isEsriPolyline(value)) return "esriGeometryPolyline";
  if (isEsriPolygon(value)) return "esriGeometryPolygon";
  return undefined;
}

/** True for any Esri JSON geometry. */
export function isEsriGeometry(value: unknown): value is EsriGeometry {
  return esriGeometryTypeOf(value) !== undefined;
}
