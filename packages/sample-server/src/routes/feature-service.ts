import { jsonReply } from "../http/reply.js";
import { featureLayerInfoJson, layersOf } from "../metadata/layer-info.js";
import { featureServiceInfoJson } from "../metadata/service-info.js";
import type { ServiceRoute } from "./service-context.js";

/** `<name>/FeatureServer` (service info) and `<name>/FeatureServer/layers` (every layer's info). */
export const featureServiceRoute: ServiceRoute = ({ ctx, service, serviceType, rest }) => {
  if (serviceType !== "FeatureServer") return undefined;
  if (rest.length === 0) return jsonReply(featureServiceInfoJson(service), ctx.params);
  if (rest.length === 1 && rest[0].toLowerCase() === "layers") {
    const { layers, tables } = layersOf(service);
    return jsonReply({ layers: layers.map(featureLayerInfoJson), tables: tables.map(featureLayerInfoJson) }, ctx.params);
  }
  return undefined;
};
