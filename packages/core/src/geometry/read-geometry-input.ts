import type { EsriGeometry, SpatialReference } from "../types/esri-json.js";
import { toCoordinate } from "./coordinates.js";
import { GeometryError } from "./errors.js";
import { isEsriGeometry, isRecord } from "./esri-geometry-type.js";
import { spatialReferenceFromCrs } from "./geojson-crs.js";
import { geoJSONToEsri } from "./geojson-to-esri.js";
import type { GeoJSONGeometry, GeoJSONNamedCrs } from "./geojson-types.js";
import { normalizeEsriGeometry, type ZMDefaults } from "./normalize-esri.js";

const GEOJSON_GEOMETRY_TYPES = new Set([
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "Polygon",
  "MultiPolygon",
  "GeometryCollection",
]);

/**
 * Reads anything `Geometry` accepts (except a `Geometry`) into a normalized
 * Esri JSON geometry that carries its spatial reference when the input has one.
 *
 * @param input - Esri JSON geometry, feature or feature set; GeoJSON geometry,
 *   Feature or FeatureCollection; `[x, y]`, `[x, y, z]`, a bbox; or a JSON or
 *   short-form (`"x,y"`, `"xmin,ymin,xmax,ymax"`) string of one of those
 * @throws GeometryError naming what was wrong
 */
export function readGeometryInput(input: unknown): EsriGeometry {
  if (typeof input === "string") return readString(input);
  if (Array.isArray(input)) return readNumbers(input);
  if (!isRecord(input)) {
    throw new GeometryError(`expected Esri JSON, GeoJSON, [x, y] or a bbox, got ${describe(input)}`, input);
  }
  const type = input.type;
  if (type === "Feature") {
    if (!isRecord(input.geometry)) throw new GeometryError("the GeoJSON Feature has no geometry", input);
    return fromGeoJSON(input.geometry as unknown as GeoJSONGeometry, input.crs);
  }
  if (type === "FeatureCollection") {
    const first = Array.isArray(input.features) ? input.features[0] : undefined;
    if (!isRecord(first)) throw new GeometryError("the GeoJSON FeatureCollection has no features", input);
    if (!isRecord(first.geometry)) throw new GeometryError("the first feature of the GeoJSON FeatureCollection has no geometry", input);
    return fromGeoJSON(first.geometry as unknown as GeoJSONGeometry, first.crs ?? input.crs);
  }
  if (typeof type === "string" && GEOJSON_GEOMETRY_TYPES.has(type)) {
    return fromGeoJSON(input as unknown as GeoJSONGeometry, input.crs);
  }
  if (Array.isArray(input.features)) return readFeatureSet(input);
  if ("geometry" in input && !isEsriGeometry(input)) {
    if (!isRecord(input.geometry)) throw new GeometryError("the feature has no geometry", input);
    return fromEsri(input.geometry, {});
  }
  // fromEsri refuses true curves with the reason.
  if (isEsriGeometry(input) || "curveRings" in input || "curvePaths" in input) return fromEsri(input, {});
  throw new GeometryError(`not a geometry: an object with keys ${Object.keys(input).slice(0, 8).join(", ") || "(none)"}`, input);
}

function readFeatureSet(set: Record<string, unknown>): EsriGeometry {
  const features = set.features as unknown[];
  const first = features[0];
  if (!isRecord(first)) throw new GeometryError("the feature set has no features", set);
  if (!isRecord(first.geometry)) throw new GeometryError("the first feature of the feature set has no geometry", set);
  const defaults: ZMDefaults = { hasZ: set.hasZ === true ? true : undefined, hasM: set.hasM === true ? true : undefined };
  const esri = fromEsri(first.geometry, defaults);
  // The seed's GP feature sets carry their spatial reference as `sr`.
  const sr = set.spatialReference ?? set.sr;
  if (!esri.spatialReference && isRecord(sr)) esri.spatialReference = { ...(sr as SpatialReference) };
  return esri;
}

function fromEsri(geometry: Record<string, unknown>, defaults: ZMDefaults): EsriGeometry {
  if ("curveRings" in geometry || "curvePaths" in geometry) {
    throw new GeometryError("true curves (curveRings/curvePaths) are not supported; query with returnTrueCurves=false", geometry);
  }
  if (!isEsriGeometry(geometry)) {
    throw new GeometryError(`not an Esri JSON geometry: an object with keys ${Object.keys(geometry).slice(0, 8).join(", ")}`, geometry);
  }
  return normalizeEsriGeometry(geometry, defaults);
}

function fromGeoJSON(geometry: GeoJSONGeometry, crs: unknown): EsriGeometry {
  const spatialReference = spatialReferenceFromCrs(geometry.crs ?? (crs as GeoJSONNamedCrs | undefined)) ?? { wkid: 4326 };
  const esri = geoJSONToEsri(geometry, { spatialReference });
  if (!esri) throw new GeometryError("the GeoJSON geometry is an empty GeometryCollection", geometry);
  return esri;
}

function readString(text: string): EsriGeometry {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new GeometryError("the string is not valid JSON", text.slice(0, 200));
    }
    return readGeometryInput(parsed);
  }
  const parts = trimmed.split(",");
  if (parts.length === 2 || parts.length === 4) return readNumbers(parts);
  throw new GeometryError(`expected JSON, "x,y" or "xmin,ymin,xmax,ymax", got "${text.slice(0, 80)}"`, text.slice(0, 200));
}

function readNumbers(values: readonly unknown[]): EsriGeometry {
  const n = values.map(toCoordinate);
  if (n.some(Number.isNaN)) throw new GeometryError(`coordinates must be finite numbers, got [${values.slice(0, 6).map(String).join(", ")}]`, values);
  switch (n.length) {
    case 2:
      return { x: n[0], y: n[1] };
    case 3:
      return { x: n[0], y: n[1], z: n[2] };
    case 4:
      return bbox(n[0], n[1], n[2], n[3], values);
    case 6:
      return { ...bbox(n[0], n[1], n[3], n[4], values), zmin: Math.min(n[2], n[5]), zmax: Math.max(n[2], n[5]) };
    default:
      throw new GeometryError(`an array must be [x, y], [x, y, z] or a bbox [xmin, ymin, xmax, ymax], got ${n.length} numbers`, values);
  }
}

function bbox(xmin: number, ymin: number, xmax: number, ymax: number, raw: unknown): EsriGeometry {
  if (xmin > xmax || ymin > ymax) {
    throw new GeometryError(`a bbox needs xmin <= xmax and ymin <= ymax (boxes across the antimeridian are not supported), got [${xmin}, ${ymin}, ${xmax}, ${ymax}]`, raw);
  }
  return { xmin, ymin, xmax, ymax };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  return typeof value;
}
