import type { LayerMetadata } from "@arcrest/core";
import { esriFeatureNormalizer, geoFeatureNormalizer } from "../features/feature-normalizer.js";
import { featureQueryParams } from "../params/feature-query-params.js";
import { parseFeatureSet } from "../parse/feature-set.js";
import { parseGeoJSONPage } from "../parse/geojson-page.js";
import type { Feature, GeoFeature, GeoJSONQueryResult, QueryResult, SingleQueryOptions } from "../types.js";
import { queryUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Options of {@link queryFeatures}. */
export interface QueryFeaturesOptions extends SingleQueryOptions {
  /**
   * The layer's metadata, when already loaded: its fields drive value
   * normalisation (GeoJSON answers carry no field list).
   */
  layer?: LayerMetadata;
}

/**
 * One `query` request (no paging): at most the server's `maxRecordCount`
 * features, with `exceededTransferLimit` telling whether more match. For every
 * matching feature use `queryAll` or `streamFeatures`.
 *
 * @param url - the layer or table URL (`.../MapServer/0` or `.../FeatureServer/0`)
 * @example
 * ```ts
 * const { features } = await queryFeatures(url, { where: "state = 'CA'", outFields: ["gaugelid"] });
 * ```
 */
export async function queryFeatures(url: string, options: QueryFeaturesOptions & { f: "geojson" }): Promise<GeoJSONQueryResult>;
export async function queryFeatures(url: string, options?: QueryFeaturesOptions & { f?: "json" }): Promise<QueryResult>;
export async function queryFeatures(url: string, options?: QueryFeaturesOptions): Promise<QueryResult | GeoJSONQueryResult>;
export async function queryFeatures(url: string, options: QueryFeaturesOptions = {}): Promise<QueryResult | GeoJSONQueryResult> {
  const target = queryUrl(url);
  const params = await featureQueryParams(options);
  const json = await sendRead<unknown>(target, params, options);
  if (params.f === "geojson") {
    const page = parseGeoJSONPage(json, target);
    const normalize = geoFeatureNormalizer(options.layer?.fields ?? [], options.normalize, []);
    return {
      type: "FeatureCollection",
      features: page.features.map((f) => normalize(f as GeoFeature)),
      exceededTransferLimit: page.exceededTransferLimit,
    };
  }
  const set = parseFeatureSet(json, target);
  const fields = set.fields.length > 0 ? set.fields : (options.layer?.fields ?? []);
  const normalize = esriFeatureNormalizer(options.layer?.fields ?? fields, options.normalize, []);
  const result: QueryResult = {
    features: set.features.map((f) => normalize(f as Feature)),
    fields,
    exceededTransferLimit: set.exceededTransferLimit,
  };
  const oid = set.objectIdFieldName ?? options.layer?.objectIdField;
  if (oid !== undefined) result.objectIdFieldName = options.layer?.field(oid)?.name ?? oid;
  for (const key of ["globalIdFieldName", "displayFieldName", "geometryType", "spatialReference", "hasZ", "hasM"] as const) {
    if (set[key] !== undefined) (result as unknown as Record<string, unknown>)[key] = set[key];
  }
  return result;
}
