import type { EsriGeometry, EsriMultipoint, EsriPoint, EsriPolygon, EsriPolyline, Position, SpatialReference } from "../types/esri-json.js";
import { closeRing } from "./normalize-esri.js";
import { toCoordinate } from "./coordinates.js";
import { GeometryError } from "./errors.js";
import { spatialReferenceFromCrs } from "./geojson-crs.js";
import type { GeoJSONGeometry } from "./geojson-types.js";
import { orient, ringArea } from "./ring-area.js";

/** Options of {@link geoJSONToEsri}. */
export interface GeoJSONToEsriOptions {
  /** Well-known id of the coordinates. Default: the GeoJSON `crs` member if any, else 4326 (RFC 7946). */
  wkid?: number;
  /** Full spatial reference (wins over `wkid`). */
  spatialReference?: SpatialReference;
}

/**
 * Converts a GeoJSON geometry to Esri JSON.
 *
 * - Point → point; MultiPoint → multipoint; LineString/MultiLineString → polyline;
 *   Polygon/MultiPolygon → polygon; a GeometryCollection whose members are all
 *   points, all lines or all polygons → the matching multipart geometry.
 * - Polygon rings are oriented the Esri way: exteriors clockwise, holes
 *   counter-clockwise, whatever order they came in. Unclosed rings are closed;
 *   rings with fewer than 4 positions or no area are dropped (with the holes of
 *   a dropped exterior); vertices with non-numeric x/y are skipped.
 * - A third coordinate becomes Z (`hasZ: true`; a position without one gets 0).
 *   Values past the third are ignored: GeoJSON has no M.
 * - `null` gives `null`; an empty geometry gives an empty Esri geometry of its type.
 *
 * @param geometry - GeoJSON geometry
 * @param options - spatial reference of the result
 * @throws GeometryError for an unknown type or a mixed GeometryCollection
 */
export function geoJSONToEsri(geometry: GeoJSONGeometry | null | undefined, options: GeoJSONToEsriOptions = {}): EsriGeometry | null {
  if (geometry === null || geometry === undefined) return null;
  const spatialReference =
    options.spatialReference ?? (options.wkid !== undefined ? { wkid: options.wkid } : (spatialReferenceFromCrs(geometry.crs) ?? { wkid: 4326 }));
  const parts = collect(geometry);
  if (parts === undefined) return null;
  const hasZ = parts.lists.some((list) => list.some((p) => Array.isArray(p) && p.length >= 3 && !Number.isNaN(toCoordinate(p[2]))));
  const read = (list: readonly unknown[]): Position[] => readPositions(list, hasZ);
  const meta = (): { hasZ?: boolean; spatialReference: SpatialReference } => (hasZ ? { hasZ: true, spatialReference } : { spatialReference });

  switch (parts.kind) {
    case "point": {
      const positions = read(parts.lists[0] ?? []);
      if (parts.single) {
        const p = positions[0];
        const point: EsriPoint = p ? { x: p[0], y: p[1] } : { x: Number.NaN, y: Number.NaN };
        if (p && hasZ) point.z = p[2];
        point.spatialReference = spatialReference;
        return point;
      }
      return { points: parts.lists.flatMap(read), ...meta() } satisfies EsriMultipoint;
    }
    case "line":
      return { paths: parts.lists.map(read).filter((path) => path.length >= 2), ...meta() } satisfies EsriPolyline;
    case "polygon": {
      const rings: Position[][] = [];
      for (const polygon of parts.polygons) {
        for (let i = 0; i < polygon.length; i++) {
          const ring = closeRing(read(polygon[i]));
          if (ring.length < 4 || ringArea(ring) === 0) {
            if (i === 0) break; // no exterior: its holes go too
            continue;
          }
          rings.push(orient(ring, i === 0 ? "cw" : "ccw"));
        }
      }
      return { rings, ...meta() } satisfies EsriPolygon;
    }
  }
}

interface Collected {
  kind: "point" | "line" | "polygon";
  /** A single Point (not a MultiPoint or a collection of points). */
  single: boolean;
  /** Position lists: one per point/line, and every ring of every polygon. */
  lists: unknown[][];
  /** Polygons as ring lists (for kind "polygon"). */
  polygons: unknown[][][];
}

/** The parts of a geometry, or `undefined` for an empty GeometryCollection (no type to give it). */
function collect(geometry: GeoJSONGeometry): Collected | undefined {
  const out: Collected = { kind: "point", single: false, lists: [], polygons: [] };
  let kind: Collected["kind"] | undefined;
  const setKind = (k: Collected["kind"], type: string): void => {
    if (kind !== undefined && kind !== k) {
      throw new GeometryError(`A GeometryCollection mixing ${kind}s and ${k}s has no Esri JSON equivalent (found ${type})`);
    }
    kind = k;
  };
  const visit = (g: GeoJSONGeometry, top: boolean): void => {
    const coordinates = (g as { coordinates?: unknown }).coordinates;
    switch (g?.type) {
      case "Point":
        setKind("point", g.type);
        out.single = top;
        out.lists.push(Array.isArray(coordinates) && coordinates.length > 0 ? [coordinates] : []);
        return;
      case "MultiPoint":
        setKind("point", g.type);
        out.lists.push(arrayOf(coordinates));
        return;
      case "LineString":
        setKind("line", g.type);
        out.lists.push(arrayOf(coordinates));
        return;
      case "MultiLineString":
        setKind("line", g.type);
        out.lists.push(...arrayOf(coordinates).map(arrayOf));
        return;
      case "Polygon": {
        setKind("polygon", g.type);
        const rings = arrayOf(coordinates).map(arrayOf);
        out.polygons.push(rings);
        out.lists.push(...rings);
        return;
      }
      case "MultiPolygon":
        setKind("polygon", g.type);
        for (const polygon of arrayOf(coordinates)) {
          const rings = arrayOf(polygon).map(arrayOf);
          out.polygons.push(rings);
          out.lists.push(...rings);
        }
        return;
      case "GeometryCollection":
        for (const member of Array.isArray(g.geometries) ? g.geometries : []) visit(member, false);
        return;
      default:
        throw new GeometryError(`Not a GeoJSON geometry type: ${JSON.stringify((g as { type?: unknown })?.type)}`, g);
    }
  };
  visit(geometry, true);
  if (kind === undefined) return undefined;
  out.kind = kind;
  return out;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function readPositions(list: readonly unknown[], hasZ: boolean): Position[] {
  const out: Position[] = [];
  for (const raw of list) {
    if (!Array.isArray(raw)) continue;
    const x = toCoordinate(raw[0]);
    const y = toCoordinate(raw[1]);
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (hasZ) {
      const z = toCoordinate(raw[2]);
      out.push([x, y, Number.isNaN(z) ? 0 : z]);
    } else {
      out.push([x, y]);
    }
  }
  return out;
}
