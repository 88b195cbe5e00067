/**
 * Checks an edit's Esri JSON geometry against its layer and brings it into the layer's
 * spatial reference, as a feature service does before storing it.
 */
import type { SampleGeometry, SampleLayer } from "../data/types.js";
import { transformBetween } from "../query/projection.js";
import { canonicalWkid } from "../query/spatial-reference.js";
import { EditCode, EditError } from "./edit-error.js";

const SHAPE_MEMBER: Record<string, string> = {
  esriGeometryPoint: "x",
  esriGeometryMultipoint: "points",
  esriGeometryPolyline: "paths",
  esriGeometryPolygon: "rings",
};

function geometryError(detail: string): EditError {
  return new EditError(EditCode.geometry, `Geometry could not be set. ${detail}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkPosition(position: unknown, layer: SampleLayer): number[] {
  if (!Array.isArray(position) || position.length < 2 || !position.every((c) => typeof c === "number" && Number.isFinite(c))) {
    throw geometryError(`Invalid coordinate ${JSON.stringify(position)}.`);
  }
  const coords = position as number[];
  if (layer.hasZ && coords.length < 3) throw new EditError(EditCode.noZ, "Geometry does not have z-values.");
  if (layer.hasM && !layer.hasZ && coords.length < 3) throw new EditError(EditCode.noM, "Geometry does not have m-values.");
  return coords;
}

function checkParts(parts: unknown, layer: SampleLayer, member: string): number[][][] {
  if (!Array.isArray(parts) || parts.length === 0) throw geometryError(`'${member}' must be a non-empty array.`);
  return parts.map((part) => {
    if (!Array.isArray(part) || part.length === 0) throw geometryError(`Every part of '${member}' must be a non-empty array.`);
    return part.map((p) => checkPosition(p, layer));
  });
}

/**
 * The geometry to store for an edit on `layer`: `null` for a table or an absent geometry,
 * otherwise a checked copy in the layer's wkid, without spatialReference.
 */
export function coerceGeometry(layer: SampleLayer, value: unknown, defaultWkid?: number): SampleGeometry | null {
  if (!layer.geometryType || value === null || value === undefined) return null;
  if (!isRecord(value)) throw geometryError("The geometry is not an object.");
  const member = SHAPE_MEMBER[layer.geometryType];
  if (!(member in value)) {
    throw geometryError(`The layer's geometry type is ${layer.geometryType}; the geometry has no '${member}'.`);
  }
  const srValue = value.spatialReference;
  let fromWkid = layer.wkid;
  const declared = isRecord(srValue) ? [srValue.latestWkid, srValue.wkid].find((v) => typeof v === "number") : defaultWkid;
  if (typeof declared === "number") {
    const known = canonicalWkid(declared);
    if (!known) throw geometryError(`Spatial reference ${declared} is not supported.`);
    fromWkid = known;
  }
  const transform = transformBetween(canonicalWkid(fromWkid) ?? 4326, canonicalWkid(layer.wkid) ?? 4326);
  const project = (p: number[]): number[] => (transform ? [...transform(p[0], p[1]), ...p.slice(2)] : p);

  if (layer.geometryType === "esriGeometryPoint") {
    const { x, y, z, m } = value;
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw geometryError("A point needs numeric x and y.");
    }
    if (layer.hasZ && typeof z !== "number") throw new EditError(EditCode.noZ, "Geometry does not have z-values.");
    if (layer.hasM && typeof m !== "number") throw new EditError(EditCode.noM, "Geometry does not have m-values.");
    const [px, py] = project([x, y]);
    return { x: px, y: py, ...(typeof z === "number" ? { z } : {}), ...(typeof m === "number" ? { m } : {}) };
  }
  if (layer.geometryType === "esriGeometryMultipoint") {
    const points = value.points;
    if (!Array.isArray(points) || points.length === 0) throw geometryError("'points' must be a non-empty array.");
    return { points: points.map((p) => project(checkPosition(p, layer))) };
  }
  const parts = checkParts(value[member], layer, member).map((part) => part.map(project));
  if (layer.geometryType === "esriGeometryPolygon") {
    for (const ring of parts) if (ring.length < 3) throw geometryError("A polygon ring needs at least three points.");
    return { rings: parts };
  }
  for (const path of parts) if (path.length < 2) throw geometryError("A polyline path needs at least two points.");
  return { paths: parts };
}
