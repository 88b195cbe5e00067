import type { Position } from "@arcrest/core";
import { positionOf } from "@arcrest/core/internal";
import type { ClipRegion } from "./clip-region.js";

/** The parameters `t` in (0, 1) where segment a→b crosses or touches an edge of the region. */
function crossings(a: Position, b: Position, region: ClipRegion): number[] {
  const ts: number[] = [];
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const minX = Math.min(a[0], b[0]);
  const maxX = Math.max(a[0], b[0]);
  const minY = Math.min(a[1], b[1]);
  const maxY = Math.max(a[1], b[1]);
  for (const ring of region.rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const q = ring[i];
      const q2 = ring[i + 1];
      if (Math.max(q[0], q2[0]) < minX || Math.min(q[0], q2[0]) > maxX) continue;
      if (Math.max(q[1], q2[1]) < minY || Math.min(q[1], q2[1]) > maxY) continue;
      const sx = q2[0] - q[0];
      const sy = q2[1] - q[1];
      const qpx = q[0] - a[0];
      const qpy = q[1] - a[1];
      const denom = rx * sy - ry * sx;
      if (denom === 0) {
        // Parallel: where collinear, split at the edge's ends so overlaps become their own pieces.
        if (qpx * ry - qpy * rx !== 0) continue;
        const len2 = rx * rx + ry * ry;
        if (len2 === 0) continue;
        for (const p of [q, q2]) {
          const t = ((p[0] - a[0]) * rx + (p[1] - a[1]) * ry) / len2;
          if (t > 0 && t < 1) ts.push(t);
        }
        continue;
      }
      const t = (qpx * sy - qpy * sx) / denom;
      const u = (qpx * ry - qpy * rx) / denom;
      if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
    }
  }
  return ts;
}

/** The position at `t` along a→b, every ordinate (z, m) interpolated. */
function lerp(a: Position, b: Position, t: number): Position {
  if (t === 0) return a;
  if (t === 1) return b;
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(a[i] + (b[i] - a[i]) * t);
  return positionOf(out[0], out[1], out.slice(2));
}

function samePlace(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Cuts paths to a region: the pieces inside it (or along its boundary) are
 * kept, split where a path crosses an edge, with z and m interpolated at the
 * cuts. Consecutive kept pieces stay one path.
 */
export function clipPaths(paths: Position[][], region: ClipRegion): Position[][] {
  const out: Position[][] = [];
  const [bx0, by0, bx1, by1] = region.box;
  for (const path of paths) {
    let current: Position[] | undefined;
    const end = (): void => {
      if (current && current.length >= 2) out.push(current);
      current = undefined;
    };
    const keep = (from: Position, to: Position): void => {
      if (!current) current = [from];
      else if (!samePlace(current[current.length - 1], from)) {
        end();
        current = [from];
      }
      if (!samePlace(current[current.length - 1], to)) current.push(to);
    };
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i];
      const b = path[i + 1];
      // Wholly outside the region's box: nothing to keep.
      if (Math.max(a[0], b[0]) < bx0 || Math.min(a[0], b[0]) > bx1 || Math.max(a[1], b[1]) < by0 || Math.min(a[1], b[1]) > by1) {
        end();
        continue;
      }
      const ts = [0, ...crossings(a, b, region), 1].sort((x, y) => x - y);
      for (let k = 0; k + 1 < ts.length; k++) {
        const t0 = ts[k];
        const t1 = ts[k + 1];
        if (t1 - t0 <= 0) continue;
        const mid = lerp(a, b, (t0 + t1) / 2);
        if (region.covers(mid)) keep(lerp(a, b, t0), lerp(a, b, t1));
        else end();
      }
    }
    end();
  }
  return out;
}
