import type { EsriGeometry, SpatialReference } from "@arcrest/core";

/** Maps a geometry to another spatial reference. */
export type GeometryTransform = (geometry: EsriGeometry) => EsriGeometry;

/** Whether a spatial reference is WGS84 longitude/latitude (or unspecified, which Esri JSON treats as such here). */
export function isWgs84(spatialReference: SpatialReference | undefined): boolean {
  if (!spatialReference) return true;
  const ids = [spatialReference.latestWkid, spatialReference.wkid].filter((id) => id !== undefined);
  if (ids.length === 0) return !spatialReference.wkt;
  return ids.includes(4326);
}

/**
 * A transform to WGS84 for geometries in `spatialReference`, or `undefined`
 * when they already are. Loads `@arcrest/core/projection` (and proj4) only when needed.
 */
export async function wgs84Transform(spatialReference: SpatialReference | undefined): Promise<GeometryTransform | undefined> {
  if (isWgs84(spatialReference)) return undefined;
  const projection = await import("@arcrest/core/projection");
  void projection;
  throw new Error("TODO: projection");
}
