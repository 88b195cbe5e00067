/**
 * Spatial predicates on shapes: intersects, contains and distance, exact for the planar case
 * (boundaries count as intersecting; a polygon's inside is even-odd over all its rings, so holes
 * and multipart polygons work).
 */
import { boxesIntersect, type Shape, type XY } from "./shape.js";

const EPSILON = 1e-12;

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: XY, a: XY, b: XY): boolean {
  const scale = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]), 1);
  if (Math.abs(cross(a, b, p)) > EPSILON * scale * scale) return false;
  return (
    Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1])
  );
}

/** Whether segments ab and cd share at least one point. */
export function segmentsIntersect(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
}

/** Whether segments ab and cd cross at a point inside both (not touching at an end, not collinear). */
function segmentsCrossProperly(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Where a point lies relative to the rings of a polygon. */
export type RingPosition = "inside" | "boundary" | "outside";

/** Position of p against polygon rings (even-odd rule). */
export function pointInRings(p: XY, rings: XY[][]): RingPosition {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (onSegment(p, a, b)) return "boundary";
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside ? "inside" : "outside";
}

function* segments(shape: Shape): Generator<[XY, XY]> {
  for (const list of [shape.paths, shape.rings]) {
    for (const part of list) for (let i = 1; i < part.length; i++) yield [part[i - 1], part[i]];
  }
}

function* vertices(shape: Shape): Generator<XY> {
  yield* shape.points;
  for (const list of [shape.paths, shape.rings]) for (const part of list) yield* part;
}

/** Whether point p touches shape s anywhere (a point, a path, a ring edge or a polygon's inside). */
export function pointTouches(p: XY, s: Shape): boolean {
  if (p[0] < s.box.xmin || p[0] > s.box.xmax || p[1] < s.box.ymin || p[1] > s.box.ymax) return false;
  for (const q of s.points) if (q[0] === p[0] && q[1] === p[1]) return true;
  for (const [a, b] of segments(s)) if (onSegment(p, a, b)) return true;
  return s.rings.length > 0 && pointInRings(p, s.rings) !== "outside";
}

function firstVertexInside(part: Shape, area: Shape): boolean {
  for (const list of [part.paths, part.rings]) {
    for (const ring of list) if (ring.length && pointInRings(ring[0], area.rings) !== "outside") return true;
  }
  return false;
}

/** Whether two shapes share at least one point. */
export function intersects(a: Shape, b: Shape): boolean {
  if (!boxesIntersect(a.box, b.box)) return false;
  for (const p of a.points) if (pointTouches(p, b)) return true;
  for (const p of b.points) if (pointTouches(p, a)) return true;
  const bSegments = [...segments(b)];
  for (const [p, q] of segments(a)) {
    for (const [r, s] of bSegments) if (segmentsIntersect(p, q, r, s)) return true;
  }
  // No edges meet: one shape can still lie wholly inside the other's area.
  // Testing one vertex suffices: with no crossing edge, a part is wholly inside or wholly outside.
  if (b.rings.length && firstVertexInside(a, b)) return true;
  if (a.rings.length && firstVertexInside(b, a)) return true;
  return false;
}

/** Whether `outer` contains all of `inner` (boundary contact allowed). */
export function contains(outer: Shape, inner: Shape): boolean {
  const innerEmpty = inner.points.length === 0 && inner.paths.length === 0 && inner.rings.length === 0;
  if (innerEmpty) return false;
  const ob = outer.box;
  const ib = inner.box;
  if (ib.xmin < ob.xmin || ib.ymin < ob.ymin || ib.xmax > ob.xmax || ib.ymax > ob.ymax) return false;
  if (outer.rings.length) {
    for (const v of vertices(inner)) if (pointInRings(v, outer.rings) === "outside") return false;
    const outerEdges = [...segments({ ...outer, paths: [] })];
    for (const [p, q] of segments(inner)) {
      for (const [r, s] of outerEdges) if (segmentsCrossProperly(p, q, r, s)) return false;
      // A segment between two boundary points may still leave the area (across a hole or a notch).
      const mid: XY = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
      if (pointInRings(mid, outer.rings) === "outside") return false;
    }
    // A hole (or a notch) of the outer polygon lying inside the inner area leaves part of it uncovered.
    if (inner.rings.length) {
      for (const ring of outer.rings) for (const v of ring) if (pointInRings(v, inner.rings) === "inside") return false;
    }
    return true;
  }
  if (inner.rings.length) return false;
  if (outer.paths.length) {
    const onPaths = (p: XY): boolean => {
      for (const [a, b] of segments(outer)) if (onSegment(p, a, b)) return true;
      return false;
    };
    for (const v of vertices(inner)) if (!onPaths(v)) return false;
    for (const [p, q] of segments(inner)) if (!onPaths([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2])) return false;
    return true;
  }
  if (inner.paths.length) return false;
  return inner.points.every((p) => outer.points.some((q) => q[0] === p[0] && q[1] === p[1]));
}

function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function pointShapeDistance(p: XY, s: Shape): number {
  let best = Infinity;
  for (const q of s.points) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
  for (const [a, b] of segments(s)) best = Math.min(best, pointSegmentDistance(p, a, b));
  return best;
}

/** Planar distance between two shapes (0 when they intersect). */
export function distance(a: Shape, b: Shape): number {
  if (intersects(a, b)) return 0;
  let best = Infinity;
  for (const v of vertices(a)) best = Math.min(best, pointShapeDistance(v, b));
  for (const v of vertices(b)) best = Math.min(best, pointShapeDistance(v, a));
  return best;
}
