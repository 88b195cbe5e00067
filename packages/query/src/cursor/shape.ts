import { Geometry, type EsriGeometry, type SpatialReference } from "@arcrest/core";

/**
 * The `SHAPE@` value of a cursor row: the feature's geometry as a `Geometry`, in the
 * query's spatial reference. In a module of its own so that cursors load the geometry
 * classes only when a `SHAPE@` column (or `*`) asks for them.
 */
export function shapeOf(geometry: EsriGeometry | null | undefined, sr: SpatialReference | undefined): Geometry | null {
  return geometry ? new Geometry(geometry, sr ? { spatialReference: sr } : {}) : null;
}
