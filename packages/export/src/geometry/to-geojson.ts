import { esriToGeoJSON, type FeatureGeometryLike, type GeoJSONGeometry } from "@arcrest/core";
import type { WarningHandler } from "../types.js";
import type { GeometryTransform } from "./wgs84.js";

/** Converts Esri JSON to GeoJSON for text writers, projecting first when needed. */
export interface GeoJSONConverter {
  /** The GeoJSON geometry of feature `index`, or `null` (with a warning) when it is missing or unreadable. */
  (geometry: FeatureGeometryLike | null | undefined, index: number): GeoJSONGeometry | null;
}

/**
 * A converter through `@arcrest/core`'s `esriToGeoJSON` (ring orientation and
 * hole assignment per RFC 7946) that turns malformed geometries into `null`
 * with a `null-geometry` warning instead of failing the whole export.
 */
export function geoJSONConverter(
  zm: { hasZ: boolean; hasM: boolean },
  transform: GeometryTransform | undefined,
  onWarning: WarningHandler | undefined,
): GeoJSONConverter {
  let warnings = 0;
  return (geometry, index) => {
    if (geometry === null || geometry === undefined) return null;
    try {
      return esriToGeoJSON(transform ? transform(geometry) : geometry, zm);
    } catch (error) {
      if (warnings++ < 10) {
        onWarning?.({
          code: "null-geometry",
          message: `Feature #${index}: geometry could not be read (${error instanceof Error ? error.message : String(error)}); written without geometry`,
          featureIndex: index,
        });
      }
      return null;
    }
  };
}
