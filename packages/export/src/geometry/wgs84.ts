import type { EsriGeometry, FeatureGeometryLike, SpatialReference } from "@arcrest/core";

/** Maps a geometry to another spatial reference. */
export type GeometryTransform = (geometry: FeatureGeometryLike) => EsriGeometry;

/** Whether a spatial reference is WGS84 longitude/latitude (or unspecified, which the writers take as WGS84). */
export function isWgs84(spatialReference: SpatialReference | undefined): boolean {
  if (!spatialReference) return true;
  const ids = [spatialReference.latestWkid, spatialReference.wkid].filter((id) => id !== undefined);
  if (ids.length === 0) return !spatialReference.wkt;
  return ids.includes(4326);
}

/**
 * A transform to WGS84 for geometries in `spatialReference`, or `undefined`
 * when they already are. Loads `@arcrest/core/projection` (and proj4) only when
 * needed, and fails here, before any output, when the spatial reference is unknown.
 *
 * @param spatialReference - the source coordinates' spatial reference
 * @param zm - z/m flags to give geometries that carry none, so ordinates are read right
 * @throws UnknownProjectionError (from `@arcrest/core/projection`) for a spatial reference proj4 does not know
 */
export async function wgs84Transform(
  spatialReference: SpatialReference | undefined,
  zm: { hasZ: boolean; hasM: boolean } = { hasZ: false, hasM: false },
): Promise<GeometryTransform | undefined> {
  if (!spatialReference || isWgs84(spatialReference)) return undefined;
  const { getProjector, project } = await import("@arcrest/core/projection");
  getProjector(spatialReference, 4326);
  return (geometry) =>
    project({ ...geometry, hasZ: geometry.hasZ ?? zm.hasZ, hasM: geometry.hasM ?? zm.hasM }, spatialReference, 4326);
}
