import type {
  EsriEnvelope,
  EsriGeometry,
  FeatureGeometryLike,
  EsriMultipointLike,
  EsriPoint,
  EsriPolygonLike,
  EsriPolylineLike,
  Position,
  SpatialReference,
} from "../types/esri-json.js";
import { maxPositionLength, positionLayout, positionOf, sameXY, toCoordinate, type PositionLayout } from "./coordinates.js";
import { GeometryError } from "./errors.js";
import { esriGeometryTypeOf } from "./esri-geometry-type.js";
import { ringArea } from "./ring-area.js";

/** Z/M flags to assume for geometries that carry none (e.g. the `hasZ`/`hasM` of their feature set). */
export interface ZMDefaults {
  /** Assume Z values when the geometry does not say. */
  hasZ?: boolean;
  /** Assume M values when the geometry does not say. */
  hasM?: boolean;
}

/**
 * A clean copy of an Esri JSON geometry, as every other function here expects it:
 * - coordinates are numbers (`null`, `"NaN"` and other non-numbers become NaN);
 * - vertices whose x or y is NaN are dropped, and an empty point is `{ x: NaN, y: NaN }`;
 * - positions are laid out `[x, y, z?, m?]` as the `hasZ`/`hasM` flags say, which are
 *   set explicitly (`true`) when present; a missing Z or M becomes NaN;
 * - rings are closed, and rings with fewer than 4 positions or no area are dropped;
 *   paths with fewer than 2 positions are dropped; ring orientation is left as it is;
 * - an envelope has min ≤ max, or all NaN when any bound is missing.
 *
 * @param geometry - Esri JSON geometry as received
 * @param defaults - flags to assume when the geometry has none
 * @throws GeometryError when the value is not an Esri JSON geometry
 */
export function normalizeEsriGeometry(geometry: FeatureGeometryLike, defaults: ZMDefaults = {}): EsriGeometry {
  const type = esriGeometryTypeOf(geometry);
  const sr = copySpatialReference(geometry.spatialReference);
  switch (type) {
    case "esriGeometryPoint":
      return normalizePoint(geometry as EsriPoint, defaults, sr);
    case "esriGeometryMultipoint": {
      const g = geometry as EsriMultipointLike;
      const layout = layoutOf(g, defaults, [g.points]);
      const points = cleanPositions(g.points, layout);
      return withMeta({ points }, layout, sr);
    }
    case "esriGeometryPolyline": {
      const g = geometry as EsriPolylineLike;
      const layout = layoutOf(g, defaults, g.paths);
      const paths = g.paths.map((p) => cleanPositions(p, layout)).filter((p) => p.length >= 2);
      return withMeta({ paths }, layout, sr);
    }
    case "esriGeometryPolygon": {
      const g = geometry as EsriPolygonLike;
      const layout = layoutOf(g, defaults, g.rings);
      const rings: Position[][] = [];
      for (const raw of g.rings) {
        const ring = closeRing(cleanPositions(raw, layout));
        if (ring.length >= 4 && ringArea(ring) !== 0) rings.push(ring);
      }
      return withMeta({ rings }, layout, sr);
    }
    case "esriGeometryEnvelope":
      return normalizeEnvelope(geometry as EsriEnvelope, sr);
    default:
      throw new GeometryError(`Not an Esri JSON geometry (expected x/y, points, paths, rings or xmin/ymin/xmax/ymax)`, geometry);
  }
}

/** A copy of a ring, closed by repeating its first position when the last one differs (in x or y). */
export function closeRing(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  if (sameXY(ring[0], ring[ring.length - 1])) return ring;
  return [...ring, [...ring[0]]];
}

function copySpatialReference(sr: SpatialReference | undefined): SpatialReference | undefined {
  return sr && typeof sr === "object" ? { ...sr } : undefined;
}

function layoutOf(g: { hasZ?: boolean; hasM?: boolean }, defaults: ZMDefaults, parts: readonly unknown[]): PositionLayout {
  const hasZ = g.hasZ ?? defaults.hasZ;
  const hasM = g.hasM ?? defaults.hasM;
  return positionLayout(hasZ, hasM, maxPositionLength(Array.isArray(parts) ? parts : []));
}

function cleanPositions(raw: unknown, layout: PositionLayout): Position[] {
  if (!Array.isArray(raw)) return [];
  const out: Position[] = [];
  for (const p of raw) {
    if (!Array.isArray(p)) continue;
    const x = toCoordinate(p[0]);
    const y = toCoordinate(p[1]);
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const more: number[] = [];
    if (layout.z >= 0) more.push(toCoordinate(p[layout.z]));
    if (layout.m >= 0) more.push(toCoordinate(p[layout.m]));
    out.push(positionOf(x, y, more));
  }
  return out;
}

function withMeta<T extends EsriMultipointLike | EsriPolylineLike | EsriPolygonLike>(
  body: T,
  layout: PositionLayout,
  sr: SpatialReference | undefined,
): T {
  const out = body as T & { hasZ?: boolean; hasM?: boolean; spatialReference?: SpatialReference };
  if (layout.z >= 0) out.hasZ = true;
  if (layout.m >= 0) out.hasM = true;
  if (sr) out.spatialReference = sr;
  return out;
}

function normalizePoint(g: EsriPoint, defaults: ZMDefaults, sr: SpatialReference | undefined): EsriPoint {
  const x = toCoordinate(g.x);
  const y = toCoordinate(g.y);
  const empty = Number.isNaN(x) || Number.isNaN(y);
  const out: EsriPoint = empty ? { x: Number.NaN, y: Number.NaN } : { x, y };
  if (!empty) {
    const z = toCoordinate(g.z);
    const m = toCoordinate(g.m);
    if (!Number.isNaN(z) || ((g.hasZ ?? defaults.hasZ) === true && g.z !== undefined)) out.z = z;
    if (!Number.isNaN(m) || ((g.hasM ?? defaults.hasM) === true && g.m !== undefined)) out.m = m;
  }
  if (sr) out.spatialReference = sr;
  return out;
}

function normalizeEnvelope(g: EsriEnvelope, sr: SpatialReference | undefined): EsriEnvelope {
  const b = [toCoordinate(g.xmin), toCoordinate(g.ymin), toCoordinate(g.xmax), toCoordinate(g.ymax)];
  const out: EsriEnvelope = b.some(Number.isNaN)
    ? { xmin: Number.NaN, ymin: Number.NaN, xmax: Number.NaN, ymax: Number.NaN }
    : { xmin: Math.min(b[0], b[2]), ymin: Math.min(b[1], b[3]), xmax: Math.max(b[0], b[2]), ymax: Math.max(b[1], b[3]) };
  const zmin = toCoordinate(g.zmin);
  const zmax = toCoordinate(g.zmax);
  if (!Number.isNaN(zmin) && !Number.isNaN(zmax)) Object.assign(out, { zmin: Math.min(zmin, zmax), zmax: Math.max(zmin, zmax) });
  const mmin = toCoordinate(g.mmin);
  const mmax = toCoordinate(g.mmax);
  if (!Number.isNaN(mmin) && !Number.isNaN(mmax)) Object.assign(out, { mmin: Math.min(mmin, mmax), mmax: Math.max(mmin, mmax) });
  if (sr) out.spatialReference = sr;
  return out;
}
