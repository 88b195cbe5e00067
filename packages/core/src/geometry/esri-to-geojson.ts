import type { EsriEnvelope, FeatureGeometryLike, EsriMultipoint, EsriPoint, EsriPolygon, EsriPolyline, Position } from "../types/esri-json.js";
import type { GeoJSONGeometry, GeoJSONPosition } from "./geojson-types.js";
import { esriGeometryTypeOf } from "./esri-geometry-type.js";
import { groupRings } from "./group-rings.js";
import { normalizeEsriGeometry, type ZMDefaults } from "./normalize-esri.js";
import { orient } from "./ring-area.js";

/** Options of {@link esriToGeoJSON}. */
export type EsriToGeoJSONOptions = ZMDefaults;

/**
 * Converts an Esri JSON geometry to a GeoJSON geometry (RFC 7946 structure).
 *
 * - point → Point; multipoint → MultiPoint; polyline → LineString (one path) or
 *   MultiLineString; polygon → Polygon (one exterior) or MultiPolygon; envelope → Polygon.
 * - Polygons: clockwise rings are exteriors and counter-clockwise rings holes
 *   (Esri's rule); each hole is put in the exterior that contains it, wherever
 *   it is listed; a hole inside no exterior becomes an exterior. Output rings
 *   follow RFC 7946: exteriors counter-clockwise, holes clockwise.
 * - Z is kept; a missing or NaN Z in a Z-aware geometry is written as 0 so every
 *   position has the same dimension. **M is dropped**: GeoJSON has no place for it.
 * - Unclosed rings are closed (also when only the Z of the last position differs); rings with fewer than 4 positions or no area,
 *   paths with fewer than 2 positions and vertices with NaN or null x/y are left
 *   out. A geometry with nothing left (or `null`/`undefined`) gives `null`, the
 *   GeoJSON value for "no geometry".
 * - Coordinates are copied, not projected: RFC 7946 wants WGS84 longitude/latitude,
 *   so query with `outSR: 4326` or project first (`@arcrest/core/projection`).
 *
 * @param geometry - Esri JSON geometry
 * @param options - Z/M flags to assume when the geometry has none (a feature set's `hasZ`/`hasM`)
 * @throws GeometryError when the value is not an Esri JSON geometry
 */
export function esriToGeoJSON(geometry: FeatureGeometryLike | null | undefined, options: EsriToGeoJSONOptions = {}): GeoJSONGeometry | null {
  if (geometry === null || geometry === undefined) return null;
  const g = normalizeEsriGeometry(geometry, options);
  switch (esriGeometryTypeOf(g)) {
    case "esriGeometryPoint": {
      const p = g as EsriPoint;
      if (Number.isNaN(p.x)) return null;
      return { type: "Point", coordinates: p.z !== undefined ? [p.x, p.y, zOrZero(p.z)] : [p.x, p.y] };
    }
    case "esriGeometryMultipoint": {
      const mp = g as EsriMultipoint;
      if (mp.points.length === 0) return null;
      return { type: "MultiPoint", coordinates: mp.points.map(toPosition(mp.hasZ === true)) };
    }
    case "esriGeometryPolyline": {
      const pl = g as EsriPolyline;
      const lines = pl.paths.map((path) => path.map(toPosition(pl.hasZ === true)));
      if (lines.length === 0) return null;
      return lines.length === 1 ? { type: "LineString", coordinates: lines[0] } : { type: "MultiLineString", coordinates: lines };
    }
    case "esriGeometryPolygon": {
      const pg = g as EsriPolygon;
      const convert = toPosition(pg.hasZ === true);
      const polygons = groupRings(pg.rings).map((rings) =>
        rings.map((ring, i) => closeExactly(orient(ring, i === 0 ? "ccw" : "cw").map(convert))),
      );
      if (polygons.length === 0) return null;
      return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
    }
    default: {
      const e = g as EsriEnvelope;
      if (Number.isNaN(e.xmin)) return null;
      const ring: GeoJSONPosition[] = [
        [e.xmin, e.ymin],
        [e.xmax, e.ymin],
        [e.xmax, e.ymax],
        [e.xmin, e.ymax],
        [e.xmin, e.ymin],
      ];
      return { type: "Polygon", coordinates: [ring] };
    }
  }
}

/**
 * RFC 7946 wants the last position identical to the first. Esri rings may end
 * on the first x/y with another Z; rather than lose that Z, the first position
 * is repeated after it.
 */
function closeExactly(ring: GeoJSONPosition[]): GeoJSONPosition[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first.length === last.length && first.every((v, i) => v === last[i])) return ring;
  return [...ring, [...first]];
}

function zOrZero(z: number | undefined): number {
  return z === undefined || Number.isNaN(z) ? 0 : z;
}

/** Drops M (and Z unless wanted) from a normalized `[x, y, z?, m?]` position. */
function toPosition(hasZ: boolean): (p: Position) => GeoJSONPosition {
  return hasZ ? (p) => [p[0], p[1], zOrZero(p[2])] : (p) => [p[0], p[1]];
}
