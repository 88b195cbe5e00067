import { ValidationError, type CallOptions, type LayerMetadata } from "@arcrest/core";
import { esriFeatureNormalizer } from "../features/feature-normalizer.js";
import { parseEsriFeature } from "../parse/feature-set.js";
import { isRecord, unexpectedResponse } from "../parse/response-error.js";
import type { Feature, NormalizeOptions } from "../types.js";
import { layerUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Options of {@link getFeature}. */
export interface GetFeatureOptions extends CallOptions {
  /** The layer's metadata, to normalise values by its fields. */
  layer?: LayerMetadata;
  /** Value normalisation (dates, GUIDs, field case) or `false`. */
  normalize?: NormalizeOptions | false;
}

/** Parses `<layer>/<objectId>` (`{ "feature": { attributes, geometry } }`). */
export function parseFeatureResponse(json: unknown, url: string): Feature {
  if (!isRecord(json) || !isRecord(json.feature)) throw unexpectedResponse(url, "{ feature: {...} }", json);
  return parseEsriFeature(json.feature, url) as Feature;
}

/**
 * One feature by object id (`<layer>/<objectId>`).
 *
 * @param url - the layer URL
 */
export async function getFeature(url: string, objectId: number, options: GetFeatureOptions = {}): Promise<Feature> {
  if (!Number.isInteger(objectId)) throw new ValidationError("objectId", `must be an integer, got ${String(objectId)}`);
  const target = `${layerUrl(url)}/${objectId}`;
  const feature = parseFeatureResponse(await sendRead<unknown>(target, { f: "json" }, options), target);
  return esriFeatureNormalizer(options.layer?.fields ?? [], options.normalize, [])(feature);
}
