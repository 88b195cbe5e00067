import { jsonReply } from "../http/reply.js";
import { mapLayerInfoJson, layersOf } from "../metadata/layer-info.js";
import { mapServiceInfoJson } from "../metadata/service-info.js";
import type { ServiceRoute } from "./service-context.js";

/** `<name>/MapServer` (service info) and `<name>/MapServer/layers` (every layer's info). */
export const mapServiceRoute: ServiceRoute = ({ ctx, service, serviceType, rest }) => {
  if (serviceType !== "MapServer") return undefined;
  if (rest.length === 0) return jsonReply(mapServiceInfoJson(service), ctx.params);
  if (rest.length === 1 && rest[0].toLowerCase() === "layers") {
    const { layers, tables } = layersOf(service);
    return jsonReply({ layers: layers.map(mapLayerInfoJson), tables: tables.map(mapLayerInfoJson) }, ctx.params);
  }
  return undefined;
};
