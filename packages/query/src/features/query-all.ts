import type { Feature, GeoFeature, GeoJSONQueryResult, QueryResult } from "../types.js";
import type { ParsedFeatureSet } from "../parse/feature-set.js";
import { streamPages, type StreamFeaturesOptions } from "./stream-features.js";
import { LayerMetadata, fetchLayerInfo } from "@arcrest/core";
import { layerUrl } from "../operations/layer-url.js";

/**
 * Every feature matching a query, collected into one result (the seed's
 * `get_all=True`). Holds the whole answer in memory by design; use
 * `streamFeatures` to process features as they arrive.
 *
 * @param url - the layer or table URL
 * @throws {@link IncompleteResultError} when fewer features arrived than the server counted
 */
export async function queryAll(url: string, options: StreamFeaturesOptions & { f: "geojson" }): Promise<GeoJSONQueryResult>;
export async function queryAll(url: string, options?: StreamFeaturesOptions & { f?: "json" }): Promise<QueryResult>;
export async function queryAll(url: string, options?: StreamFeaturesOptions): Promise<QueryResult | GeoJSONQueryResult>;
export async function queryAll(url: string, options: StreamFeaturesOptions = {}): Promise<QueryResult | GeoJSONQueryResult> {
  const call = { session: options.session, signal: options.signal };
  const base = layerUrl(url);
  const layer = options.layer ?? new LayerMetadata(base, await fetchLayerInfo(base, call));
  if (options.f === "geojson") {
    const features: GeoFeature[] = [];
    for await (const page of streamPages(base, { ...options, f: "geojson", layer })) {
      for (const f of page) features.push(f);
    }
    return { type: "FeatureCollection", features, exceededTransferLimit: false };
  }
  let metadata: Omit<ParsedFeatureSet, "features"> | undefined;
  const features: Feature[] = [];
  for await (const page of streamPages(base, {
    ...options,
    f: "json",
    layer,
    onMetadata: (m) => {
      metadata = m;
      options.onMetadata?.(m);
    },
  })) {
    for (const f of page) features.push(f);
  }
  const result: QueryResult = {
    features,
    fields: metadata && metadata.fields.length > 0 ? metadata.fields : layer.fields,
    exceededTransferLimit: false,
  };
  const oid = layer.objectIdField ?? metadata?.objectIdFieldName;
  if (oid !== undefined) result.objectIdFieldName = oid;
  const geometryType = metadata?.geometryType ?? layer.geometryType;
  if (geometryType !== undefined) result.geometryType = geometryType;
  const sr = metadata?.spatialReference ?? layer.spatialReference;
  if (sr !== undefined) result.spatialReference = sr;
  for (const key of ["globalIdFieldName", "displayFieldName", "hasZ", "hasM"] as const) {
    if (metadata?.[key] !== undefined) (result as unknown as Record<string, unknown>)[key] = metadata[key];
  }
  return result;
}
