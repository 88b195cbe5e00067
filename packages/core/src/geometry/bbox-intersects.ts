/** A 2D bounding box `[xmin, ymin, xmax, ymax]`. */
export type BBox = [number, number, number, number];

/** Anything with envelope bounds: an Esri envelope, an {@link Envelope}, or a {@link BBox}. */
export type BoundsLike =
  | readonly number[]
  | {
      /** Smallest x. */
      xmin: number;
      /** Smallest y. */
      ymin: number;
      /** Largest x. */
      xmax: number;
      /** Largest y. */
      ymax: number;
    };

/**
 * The `[xmin, ymin, xmax, ymax]` of a bounds-like value. A 6-number GeoJSON
 * bbox (`[w, s, zmin, e, n, zmax]`) is read too.
 */
export function toBBox(bounds: BoundsLike): BBox {
  if (Array.isArray(bounds)) {
    if (bounds.length === 6) return [bounds[0], bounds[1], bounds[3], bounds[4]];
    return [bounds[0], bounds[1], bounds[2], bounds[3]];
  }
  const e = bounds as { xmin: number; ymin: number; xmax: number; ymax: number };
  return [e.xmin, e.ymin, e.xmax, e.ymax];
}

/**
 * True when two boxes share at least one point (touching edges count, as in
 * ArcGIS's `esriSpatialRelIntersects`). Spatial references are not compared:
 * both boxes must be in the same one. An empty box (any NaN bound) intersects
 * nothing.
 */
export function bboxIntersects(a: BoundsLike, b: BoundsLike): boolean {
  const [ax0, ay0, ax1, ay1] = toBBox(a);
  const [bx0, by0, bx1, by1] = toBBox(b);
  // Written so that any NaN makes the result false.
  return ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1;
}
