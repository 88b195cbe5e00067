import proj4, { type Converter } from "proj4";
import type {
  EsriEnvelope,
  EsriGeometry,
  FeatureGeometryLike,
  EsriMultipoint,
  EsriPoint,
  EsriPolygon,
  EsriPolyline,
  Position,
  SpatialReference,
} from "../types/esri-json.js";
import { Geometry } from "../geometry/geometry.js";
import { GeometryError } from "../geometry/errors.js";
import { esriGeometryTypeOf } from "../geometry/esri-geometry-type.js";
import { positionOf } from "../geometry/coordinates.js";
import { normalizeEsriGeometry } from "../geometry/normalize-esri.js";
import { WEB_MERCATOR_WKIDS } from "./definitions.js";
import {
  onRegistryChange,
  resolveDefinition,
  spatialReferenceKey,
  toSpatialReference,
  type SpatialReferenceInput,
} from "./registry.js";

/** Projects one `[x, y]` pair; returns `[NaN, NaN]` when the point cannot be projected. */
export type XYProjector = (x: number, y: number) => [number, number];

/** Web Mercator is undefined at the poles; ArcGIS clips latitudes to this. */
const MAX_MERCATOR_LATITUDE = 85.0511287798066;

const cache = new Map<string, XYProjector>();
onRegistryChange(() => cache.clear());

/**
 * A function projecting `[x, y]` from one spatial reference to another,
 * cached per pair. Use it to project many coordinates; {@link project} uses it.
 * Latitudes beyond ±85.0511° are clamped when projecting geographic
 * coordinates to Web Mercator, as ArcGIS does.
 *
 * @param fromSR - source: a wkid or `{ wkid }` / `{ wkt }`
 * @param toSR - target
 * @throws UnknownProjectionError when either has no known definition
 */
export function getProjector(fromSR: SpatialReferenceInput, toSR: SpatialReferenceInput): XYProjector {
  const fromKey = spatialReferenceKey(fromSR);
  const toKey = spatialReferenceKey(toSR);
  const key = `${fromKey}>${toKey}`;
  const cached = cache.get(key);
  if (cached) return cached;

  let projector: XYProjector;
  if (fromKey === toKey) {
    projector = (x, y) => [x, y];
  } else {
    const fromDef = resolveDefinition(fromSR);
    const toDef = resolveDefinition(toSR);
    let converter: Converter;
    try {
      converter = proj4(fromDef, toDef);
    } catch (cause) {
      throw new GeometryError(`proj4 cannot use this definition: ${(cause as Error).message ?? String(cause)}`, { fromSR, toSR }, "spatialReference");
    }
    const clamp = toKey === "wkid:3857" && isGeographic(fromDef);
    projector = (x, y) => {
      const lat = clamp ? Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, y)) : y;
      try {
        const [px, py] = converter.forward([x, lat]);
        return Number.isFinite(px) && Number.isFinite(py) ? [px, py] : [Number.NaN, Number.NaN];
      } catch {
        return [Number.NaN, Number.NaN];
      }
    };
  }
  cache.set(key, projector);
  return projector;
}

/**
 * Projects a geometry to another spatial reference, with proj4. WGS84 (4326),
 * NAD83 (4269), Web Mercator (3857 and its aliases 102100, 102113, 900913)
 * and WGS84 UTM zones are built in and need no network; add others with
 * `registerProjection`, or pass a spatial reference with a `wkt`.
 *
 * Z and M values are carried over unchanged. Envelopes are projected through
 * points along their edges, so the result covers the projected box. Vertices
 * that cannot be projected are dropped (see `normalizeEsriGeometry`).
 *
 * @param geometry - a {@link Geometry} (gives a `Geometry`) or Esri JSON (gives Esri JSON)
 * @param fromSR - the geometry's spatial reference; `undefined` or `null` to use the one it carries
 * @param toSR - the target spatial reference; the result carries it
 * @throws UnknownProjectionError for a wkid with no known definition
 * @throws GeometryError when the source spatial reference is unknown
 */
export function project(geometry: Geometry, fromSR: SpatialReferenceInput | null | undefined, toSR: SpatialReferenceInput): Geometry;
export function project(geometry: FeatureGeometryLike, fromSR: SpatialReferenceInput | null | undefined, toSR: SpatialReferenceInput): EsriGeometry;
export function project(
  geometry: Geometry | FeatureGeometryLike,
  fromSR: SpatialReferenceInput | null | undefined,
  toSR: SpatialReferenceInput,
): Geometry | EsriGeometry {
  if (geometry instanceof Geometry) {
    const source = fromSR ?? geometry.spatialReference;
    const projected = projectEsri(geometry.toEsriJSON(), source, toSR);
    return new Geometry(projected);
  }
  return projectEsri(geometry, fromSR ?? geometry.spatialReference, toSR);
}

function projectEsri(geometry: FeatureGeometryLike, fromSR: SpatialReferenceInput | undefined, toSR: SpatialReferenceInput): EsriGeometry {
  if (fromSR === undefined) {
    throw new GeometryError("the geometry has no spatial reference; pass fromSR", undefined, "fromSR");
  }
  const xy = getProjector(fromSR, toSR);
  const g = normalizeEsriGeometry(geometry);
  const spatialReference: SpatialReference = toSpatialReference(toSR);
  const move = (p: Position): Position => {
    const [x, y] = xy(p[0], p[1]);
    return positionOf(x, y, p.slice(2));
  };
  let out: EsriGeometry;
  switch (esriGeometryTypeOf(g)) {
    case "esriGeometryPoint": {
      const p = g as EsriPoint;
      const [x, y] = Number.isNaN(p.x) ? [Number.NaN, Number.NaN] : xy(p.x, p.y);
      out = { ...p, x, y };
      break;
    }
    case "esriGeometryMultipoint":
      out = { ...g, points: (g as EsriMultipoint).points.map(move) };
      break;
    case "esriGeometryPolyline":
      out = { ...g, paths: (g as EsriPolyline).paths.map((path) => path.map(move)) };
      break;
    case "esriGeometryPolygon":
      out = { ...g, rings: (g as EsriPolygon).rings.map((ring) => ring.map(move)) };
      break;
    default:
      out = projectEnvelope(g as EsriEnvelope, xy);
  }
  out.spatialReference = spatialReference;
  // Drops vertices that fell outside the target's domain.
  return normalizeEsriGeometry(out);
}

/** Edge points per side when projecting an envelope: enough for conic and transverse projections. */
const ENVELOPE_STEPS = 16;

function projectEnvelope(e: EsriEnvelope, xy: XYProjector): EsriEnvelope {
  const { xmin, ymin, xmax, ymax, spatialReference: _sr, ...rest } = e;
  if (Number.isNaN(xmin)) return e;
  let pxmin = Infinity;
  let pymin = Infinity;
  let pxmax = -Infinity;
  let pymax = -Infinity;
  for (let i = 0; i <= ENVELOPE_STEPS; i++) {
    const t = i / ENVELOPE_STEPS;
    const x = xmin + (xmax - xmin) * t;
    const y = ymin + (ymax - ymin) * t;
    for (const [px, py] of [xy(x, ymin), xy(x, ymax), xy(xmin, y), xy(xmax, y)]) {
      if (Number.isNaN(px)) continue;
      pxmin = Math.min(pxmin, px);
      pymin = Math.min(pymin, py);
      pxmax = Math.max(pxmax, px);
      pymax = Math.max(pymax, py);
    }
  }
  if (pxmin > pxmax) return { xmin: Number.NaN, ymin: Number.NaN, xmax: Number.NaN, ymax: Number.NaN };
  return { ...rest, xmin: pxmin, ymin: pymin, xmax: pxmax, ymax: pymax };
}

function isGeographic(definition: string): boolean {
  return /\+proj=longlat\b/.test(definition) || /^\s*GEOGCS\[/i.test(definition) || /^\s*GEOGCRS\[/i.test(definition);
}

/** True when the spatial reference is Web Mercator (3857 or one of its aliases). */
export function isWebMercator(sr: SpatialReferenceInput | undefined): boolean {
  if (sr === undefined) return false;
  const s = toSpatialReference(sr);
  return [s.wkid, s.latestWkid].some((w) => w !== undefined && WEB_MERCATOR_WKIDS.has(w));
}
