/** Where a point lies relative to a ring. */
export type RingContainment = "inside" | "outside" | "boundary";

/**
 * Locates a point against a ring (even-odd rule, x and y only), telling
 * points on an edge or vertex apart from points strictly inside.
 *
 * @param point - `[x, y, ...]`
 * @param ring - positions; closed or not
 */
export function classifyPointInRing(point: readonly number[], ring: readonly (readonly number[])[]): RingContainment {
  const px = point[0];
  const py = point[1];
  const n = ring.length;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (onSegment(px, py, xi, yi, xj, yj)) return "boundary";
    if (yi > py !== yj > py) {
      const xCross = ((xj - xi) * (py - yi)) / (yj - yi) + xi;
      if (px < xCross) inside = !inside;
    }
  }
  return inside ? "inside" : "outside";
}

/**
 * True when the point is inside the ring or on its boundary.
 *
 * @param point - `[x, y, ...]`
 * @param ring - positions; closed or not
 */
export function pointInRing(point: readonly number[], ring: readonly (readonly number[])[]): boolean {
  return classifyPointInRing(point, ring) !== "outside";
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (px < Math.min(ax, bx) || px > Math.max(ax, bx) || py < Math.min(ay, by) || py > Math.max(ay, by)) return false;
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  // Tolerance relative to the segment's size, so projected and geographic data behave alike.
  const scale = Math.max(Math.abs(bx - ax), Math.abs(by - ay), 1e-300);
  return Math.abs(cross) <= scale * scale * 1e-12;
}
