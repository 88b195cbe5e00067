/**
 * The engine's internal geometry: every Esri geometry reduced to isolated points, paths and
 * rings (x/y only), with a bounding box. Spatial tests work on this one shape.
 */
import type { SampleGeometry } from "../../data/types.js";

/** An x/y position. */
export type XY = [number, number];

/** A bounding box. */
export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** Points, paths and rings of one geometry. */
export interface Shape {
  points: XY[];
  paths: XY[][];
  /** Polygon rings, each closed (first position repeated last). Inside = even-odd over all rings. */
  rings: XY[][];
  box: Box;
}

/** An empty box that any extension replaces. */
export function emptyBox(): Box {
  return { xmin: Infinity, ymin: Infinity, xmax: -Infinity, ymax: -Infinity };
}

/** Grows `box` to include (x, y). */
export function extendBox(box: Box, x: number, y: number): void {
  if (x < box.xmin) box.xmin = x;
  if (x > box.xmax) box.xmax = x;
  if (y < box.ymin) box.ymin = y;
  if (y > box.ymax) box.ymax = y;
}

/** Whether two boxes share at least one point. */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.xmin <= b.xmax && b.xmin <= a.xmax && a.ymin <= b.ymax && b.ymin <= a.ymax;
}

function closeRing(ring: XY[]): XY[] {
  if (ring.length === 0) return ring;
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}

/** Builds a shape from point/path/ring lists, computing its box. */
export function makeShape(points: XY[], paths: XY[][], rings: XY[][]): Shape {
  const box = emptyBox();
  for (const p of points) extendBox(box, p[0], p[1]);
  for (const list of [paths, rings]) for (const part of list) for (const p of part) extendBox(box, p[0], p[1]);
  return { points, paths, rings: rings.map(closeRing), box };
}

/** The shape of a box (as a polygon with one ring). */
export function boxShape(box: Box): Shape {
  const { xmin, ymin, xmax, ymax } = box;
  return makeShape([], [], [[[xmin, ymin], [xmin, ymax], [xmax, ymax], [xmax, ymin], [xmin, ymin]]]);
}

const toXY = (position: number[]): XY => [position[0], position[1]];

/** The shape of a stored geometry, or null for an empty one. */
export function shapeOf(geometry: SampleGeometry | null): Shape | null {
  if (!geometry) return null;
  if ("x" in geometry) {
    if (typeof geometry.x !== "number" || typeof geometry.y !== "number" || Number.isNaN(geometry.x)) return null;
    return makeShape([[geometry.x, geometry.y]], [], []);
  }
  if ("points" in geometry) return geometry.points.length ? makeShape(geometry.points.map(toXY), [], []) : null;
  if ("paths" in geometry) return geometry.paths.length ? makeShape([], geometry.paths.map((p) => p.map(toXY)), []) : null;
  if ("rings" in geometry) return geometry.rings.length ? makeShape([], [], geometry.rings.map((r) => r.map(toXY))) : null;
  return null;
}

/** Applies a coordinate transform to every position of a shape. */
export function mapShape(shape: Shape, fn: (x: number, y: number) => XY): Shape {
  const map = (part: XY[]): XY[] => part.map((p) => fn(p[0], p[1]));
  return makeShape(shape.points.map((p) => fn(p[0], p[1])), shape.paths.map(map), shape.rings.map(map));
}
