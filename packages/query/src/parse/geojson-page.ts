import type { GeoJSONFeature } from "@arcrest/core";
import { isRecord, readFlag, unexpectedResponse } from "./response-error.js";

/** A GeoJSON query page, checked but not yet normalised. */
export interface ParsedGeoJSONPage {
  features: GeoJSONFeature<Record<string, unknown>>[];
  /** `properties.exceededTransferLimit` (ArcGIS) or a top-level flag; `false` when absent. */
  exceededTransferLimit: boolean;
  /** Whether the server said anything about the transfer limit (some leave it out altogether). */
  transferLimitReported: boolean;
}

/** Parses a `f=geojson` query answer (a FeatureCollection). */
export function parseGeoJSONPage(json: unknown, url: string): ParsedGeoJSONPage {
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    throw unexpectedResponse(url, "a GeoJSON FeatureCollection", json);
  }
  const features = json.features as unknown[];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (!isRecord(f)) throw unexpectedResponse(url, "GeoJSON features", f);
    if (!isRecord(f.properties)) f.properties = {};
    if (f.geometry === undefined) f.geometry = null;
  }
  const props = isRecord(json.properties) ? json.properties : undefined;
  const flag = props?.exceededTransferLimit ?? json.exceededTransferLimit;
  return {
    features: features as GeoJSONFeature<Record<string, unknown>>[],
    exceededTransferLimit: readFlag(flag),
    transferLimitReported: flag !== undefined,
  };
}
