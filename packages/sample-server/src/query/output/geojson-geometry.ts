/**
 * Esri geometry → GeoJSON geometry, with RFC 7946 ring orientation (exterior rings
 * counter-clockwise, holes clockwise) and holes assigned to the exterior ring containing them.
 */
import type { SampleGeometry } from "../../data/types.js";
import { pointInRings } from "../geometry/relate.js";
import type { XY } from "../geometry/shape.js";

/** A GeoJSON geometry object. */
export type GeoJsonGeometry =
  | { type: "Point"; coordinates: number[] }
  | { type: "MultiPoint" | "LineString"; coordinates: number[][] }
  | { type: "MultiLineString" | "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

/** Twice the signed area of a ring (positive = counter-clockwise with y up). */
export function signedArea2(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return sum;
}

function closed(ring: number[][]): number[][] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

function orient(ring: number[][], counterClockwise: boolean): number[][] {
  return signedArea2(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

/** Groups Esri rings (exteriors clockwise, holes counter-clockwise) into GeoJSON polygons. */
export function ringsToPolygons(rings: number[][][]): number[][][][] {
  const valid = rings.filter((r) => r.length >= 3).map(closed);
  let exteriors = valid.filter((r) => signedArea2(r) < 0);
  let holes = valid.filter((r) => signedArea2(r) >= 0);
  // Rings all wound one way: treat them as separate exteriors (some writers ignore Esri winding).
  if (exteriors.length === 0) {
    exteriors = holes;
    holes = [];
  }
  const polygons = exteriors.map((ring) => ({ area: Math.abs(signedArea2(ring)), rings: [orient(ring, true)] }));
  for (const hole of holes) {
    const probe: XY = [hole[0][0], hole[0][1]];
    let owner: { area: number; rings: number[][][] } | undefined;
    for (const polygon of polygons) {
      const exterior = polygon.rings[0].map((p) => [p[0], p[1]] as XY);
      if (pointInRings(probe, [exterior]) !== "outside" && (!owner || polygon.area < owner.area)) owner = polygon;
    }
    if (owner) owner.rings.push(orient(hole, false));
    else polygons.push({ area: Math.abs(signedArea2(hole)), rings: [orient(hole, true)] });
  }
  return polygons.map((p) => p.rings);
}

/** Converts an Esri geometry (already projected/rounded, positions as written) to GeoJSON. */
export function toGeoJsonGeometry(g: SampleGeometry): GeoJsonGeometry | null {
  if ("x" in g) {
    const coordinates = [g.x, g.y];
    if (typeof g.z === "number") coordinates.push(g.z);
    return { type: "Point", coordinates };
  }
  if ("points" in g) return g.points.length ? { type: "MultiPoint", coordinates: g.points } : null;
  if ("paths" in g) {
    if (g.paths.length === 0) return null;
    return g.paths.length === 1 ? { type: "LineString", coordinates: g.paths[0] } : { type: "MultiLineString", coordinates: g.paths };
  }
  const polygons = ringsToPolygons(g.rings);
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
}
