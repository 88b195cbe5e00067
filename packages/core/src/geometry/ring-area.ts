/**
 * Signed area of a ring by the shoelace formula, in square coordinate units.
 * Positive when the ring runs counter-clockwise with y pointing up (the
 * mathematical convention, RFC 7946 exteriors), negative when clockwise (Esri
 * exterior rings). The ring need not be closed; only x and y are used.
 *
 * @param ring - positions `[x, y, ...]`
 */
export function ringArea(ring: readonly (readonly number[])[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  // Shift by the first vertex so large projected coordinates keep their precision.
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    sum += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return sum / 2;
}

/**
 * True when the ring runs clockwise (y up): an Esri exterior ring, or an
 * RFC 7946 hole. A ring with no area is not clockwise.
 *
 * @param ring - positions `[x, y, ...]`
 */
export function isClockwise(ring: readonly (readonly number[])[]): boolean {
  return ringArea(ring) < 0;
}

/**
 * A ring turned to the wanted orientation (y up): reversed when it runs the
 * other way, returned as is otherwise.
 */
export function orient<P extends readonly number[]>(ring: P[], direction: "cw" | "ccw"): P[] {
  const area = ringArea(ring);
  const wrong = direction === "ccw" ? area < 0 : area > 0;
  return wrong ? [...ring].reverse() : ring;
}
