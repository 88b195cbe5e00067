import { Geometry, type EsriGeometry, type SpatialReference } from "@arcrest/core";

/**
 * The `SHAPE@` value of a cursor row: the feature's geometry as a `Geometry`, in the
 * query's spatial reference. Imported statically: a dynamic `import()` becomes a chunk of
 * every bundle that includes the cursor module, whether or not the app uses cursors, and
 * would charge the `Geometry` class to every `@arcrest/query` import.
 */
export function shapeOf(geometry: EsriGeometry | null | undefined, sr: SpatialReference | undefined): Geometry | null {
  return geometry ? new Geometry(geometry, sr ? { spatialReference: sr } : {}) : null;
}
