import { findLayer } from "../data/lookup.js";
import type { SampleFeature, SampleLayer } from "../data/types.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { layerInfoJson } from "../metadata/layer-info.js";
import { invalidLayerReply } from "./layer-errors.js";
import type { ServiceRoute } from "./service-context.js";

/** `<service>/<id>` (layer/table info) and `<service>/<id>/<objectId>` (one feature). */
export const layerRoute: ServiceRoute = ({ ctx, service, serviceType, rest }) => {
  if (rest.length === 0 || rest.length > 2 || !/^\d+$/.test(rest[0])) return undefined;
  if (serviceType !== "MapServer" && serviceType !== "FeatureServer") return undefined;
  const layer = findLayer(service, rest[0]);
  if (!layer) return invalidLayerReply(rest[0], ctx.params);
  if (rest.length === 1) return jsonReply(layerInfoJson(layer, serviceType), ctx.params);
  if (!/^\d+$/.test(rest[1])) return undefined;
  const feature = featureByObjectId(layer, Number(rest[1]));
  if (!feature) return errorReply(404, "Requested feature not found", [], ctx.params);
  return jsonReply({ feature: { attributes: feature.attributes, ...(feature.geometry ? { geometry: feature.geometry } : {}) } }, ctx.params);
};

/** The feature with an object id, or undefined. */
export function featureByObjectId(layer: SampleLayer, objectId: number): SampleFeature | undefined {
  if (layer.lazy) return objectId >= 1 && objectId <= layer.lazy.count ? layer.lazy.featureAt(objectId - 1) : undefined;
  return layer.features.find((f) => f.attributes[layer.objectIdField] === objectId);
}
