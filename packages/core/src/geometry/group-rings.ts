import type { Position, PositionLike } from "../types/esri-json.js";
import { classifyPointInRing } from "./point-in-ring.js";
import { ringArea } from "./ring-area.js";

/** One polygon of a multipart polygon: its exterior ring followed by its holes. */
export type RingGroup<P extends PositionLike = Position> = P[][];

interface RingInfo<P extends PositionLike> {
  ring: P[];
  index: number;
  area: number;
  bbox: [number, number, number, number];
}

/**
 * Splits the rings of an Esri polygon into polygons, each an exterior ring
 * followed by its holes, as GeoJSON, KML and most libraries need them.
 *
 * Esri semantics: clockwise rings (y up) are exteriors, counter-clockwise rings
 * are holes. Each hole goes to the smallest exterior that contains it (tested
 * with a vertex of the hole that is not on the exterior's boundary), wherever it
 * is listed. A hole that lies in no exterior is taken as an exterior of its own
 * and reversed. Rings keep their vertex order otherwise (exteriors clockwise,
 * holes counter-clockwise); polygons come in the order of their exterior rings.
 *
 * Expects closed rings with area (see `normalizeEsriGeometry`); rings with
 * no area are skipped.
 *
 * @param rings - the `rings` of an Esri JSON polygon
 */
export function groupRings<P extends PositionLike>(rings: readonly P[][]): RingGroup<P>[] {
  const outers: RingInfo<P>[] = [];
  const holes: RingInfo<P>[] = [];
  rings.forEach((ring, index) => {
    const area = ringArea(ring);
    if (area === 0 || !(Math.abs(area) < Infinity)) return;
    const info: RingInfo<P> = { ring, index, area, bbox: ringBBox(ring) };
    (area < 0 ? outers : holes).push(info);
  });

  const holesOf = new Map<RingInfo<P>, RingInfo<P>[]>(outers.map((o) => [o, []]));
  const orphans: RingInfo<P>[] = [];
  for (const hole of holes) {
    let best: RingInfo<P> | undefined;
    for (const outer of outers) {
      if (!bboxContains(outer.bbox, hole.bbox)) continue;
      if (best && Math.abs(outer.area) >= Math.abs(best.area)) continue;
      if (ringInside(hole.ring, outer.ring)) best = outer;
    }
    if (best) holesOf.get(best)?.push(hole);
    else orphans.push(hole);
  }

  const groups: { index: number; rings: RingGroup<P> }[] = [];
  for (const outer of outers) {
    groups.push({ index: outer.index, rings: [outer.ring, ...(holesOf.get(outer) ?? []).map((h) => h.ring)] });
  }
  for (const orphan of orphans) {
    groups.push({ index: orphan.index, rings: [[...orphan.ring].reverse()] });
  }
  groups.sort((a, b) => a.index - b.index);
  return groups.map((g) => g.rings);
}

function ringBBox(ring: readonly PositionLike[]): [number, number, number, number] {
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  for (const p of ring) {
    if (p[0] < xmin) xmin = p[0];
    if (p[0] > xmax) xmax = p[0];
    if (p[1] < ymin) ymin = p[1];
    if (p[1] > ymax) ymax = p[1];
  }
  return [xmin, ymin, xmax, ymax];
}

function bboxContains(outer: readonly number[], inner: readonly number[]): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** True when `inner` lies inside `outer`, judged by its first vertex off `outer`'s boundary. */
function ringInside(inner: readonly PositionLike[], outer: readonly PositionLike[]): boolean {
  for (const vertex of inner) {
    const where = classifyPointInRing(vertex, outer);
    if (where !== "boundary") return where === "inside";
  }
  // Every vertex on the boundary: the hole traces the exterior itself, so it belongs to it.
  return true;
}
