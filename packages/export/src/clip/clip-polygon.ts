import { groupRings, positionOf, ringArea } from "@arcrest/core/internal";
import { type Position } from "@arcrest/core";
import polygonClipping, { type MultiPolygon, type Pair } from "polygon-clipping";
import type { ClipRegion } from "./clip-region.js";

function toPairs(rings: Position[][]): Pair[][] {
  return rings.map((ring) => ring.map((p) => [p[0], p[1]] as Pair));
}

/** Z/M of output vertices: copied where the subject had the vertex, interpolated along its edges otherwise. */
function ordinateLookup(subjectRings: Position[][], dims: number): (x: number, y: number) => Position {
  const exact = new Map<string, Position>();
  for (const ring of subjectRings) for (const p of ring) exact.set(`${p[0]},${p[1]}`, p);
  return (x, y) => {
    const found = exact.get(`${x},${y}`);
    if (found) return positionOf(x, y, found.slice(2, dims));
    let best: number[] | undefined;
    let bestDistance = Infinity;
    for (const ring of subjectRings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
        const px = a[0] + t * dx - x;
        const py = a[1] + t * dy - y;
        const distance = px * px + py * py;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = [x, y];
          for (let d = 2; d < dims; d++) best.push(a[d] + (b[d] - a[d]) * t);
        }
      }
    }
    // A clip vertex far inside the subject has no z/m of its own.
    const scale = 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
    if (best && bestDistance <= scale * scale) return positionOf(x, y, best.slice(2));
    return positionOf(x, y, new Array<number>(dims - 2).fill(NaN));
  };
}

/**
 * Intersects polygon rings (Esri orientation, closed) with the region using
 * `polygon-clipping` (a robust sweep-line implementation of Martinez–Rueda).
 * Returns Esri rings: exteriors clockwise, holes counter-clockwise; `dims` > 2
 * keeps z/m.
 */
export function clipRings(rings: Position[][], region: ClipRegion, dims: number): Position[][] {
  const subject: MultiPolygon = groupRings(rings).map(toPairs);
  if (subject.length === 0) return [];
  const clip: MultiPolygon = region.polygons.map(toPairs);
  const result = polygonClipping.intersection(subject, clip);
  const lookup = dims > 2 ? ordinateLookup(rings, dims) : undefined;
  const out: Position[][] = [];
  for (const polygon of result) {
    polygon.forEach((ring, index) => {
      const area = ringArea(ring);
      // Esri: exterior rings clockwise (negative area), holes counter-clockwise.
      const oriented = (index === 0 ? area > 0 : area < 0) ? [...ring].reverse() : ring;
      out.push(lookup ? oriented.map(([x, y]) => lookup(x, y)) : oriented.map(([x, y]) => [x, y]));
    });
  }
  return out;
}
