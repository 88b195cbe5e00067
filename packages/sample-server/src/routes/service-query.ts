/**
 * `<name>/FeatureServer/query`: one query over several layers, each with its own where clause
 * (`layerDefs`) and a shared spatial filter, answered as `{ layers: [{ id, ...featureSet }] }`.
 */
import { findLayer } from "../data/lookup.js";
import { errorReply, jsonReply, type Reply } from "../http/reply.js";
import { executeQuery } from "../query/index.js";
import type { ServiceRoute } from "./service-context.js";

interface LayerDef {
  layerId: string;
  where: string;
  outFields?: string;
}

const invalid = (detail: string, params: Record<string, string>): Reply =>
  errorReply(400, "Unable to complete operation.", ["Invalid 'layerDefs' parameter.", detail], params);

/** Reads `layerDefs` in both documented forms: `[{ layerId, where, outFields }]` or `{ "0": "where" }`. */
function parseLayerDefs(text: string | undefined): LayerDef[] | string {
  if (!text) return "layerDefs is required";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "layerDefs is not valid JSON";
  }
  if (Array.isArray(value)) {
    const defs: LayerDef[] = [];
    for (const entry of value) {
      if (!entry || typeof entry !== "object" || !("layerId" in entry)) return "each entry needs a layerId";
      const e = entry as { layerId: unknown; where?: unknown; outFields?: unknown };
      defs.push({
        layerId: String(e.layerId),
        where: typeof e.where === "string" && e.where.trim() !== "" ? e.where : "1=1",
        ...(typeof e.outFields === "string" ? { outFields: e.outFields } : {}),
      });
    }
    return defs.length > 0 ? defs : "layerDefs is empty";
  }
  if (value && typeof value === "object") {
    const defs = Object.entries(value as Record<string, unknown>).map(([layerId, where]) => ({
      layerId,
      where: typeof where === "string" && where.trim() !== "" ? where : "1=1",
    }));
    return defs.length > 0 ? defs : "layerDefs is empty";
  }
  return "layerDefs must be an array or an object";
}

export const serviceQueryRoute: ServiceRoute = ({ ctx, service, serviceType, rest }) => {
  if (serviceType !== "FeatureServer" || rest.length !== 1 || rest[0].toLowerCase() !== "query") return undefined;
  const defs = parseLayerDefs(ctx.params.layerDefs);
  if (typeof defs === "string") return invalid(defs, ctx.params);
  const { layerDefs: _defs, where: _where, outFields: _outFields, ...shared } = ctx.params;
  const layers: unknown[] = [];
  for (const def of defs) {
    const layer = findLayer(service, def.layerId);
    if (!layer) return invalid(`layer ${def.layerId} does not exist`, ctx.params);
    const outcome = executeQuery(layer, { ...shared, f: "json", where: def.where, outFields: def.outFields ?? "*" });
    const body = outcome.body as Record<string, unknown>;
    if ("error" in body) return jsonReply(body, ctx.params, outcome.status);
    layers.push({ id: layer.id, ...body });
  }
  return jsonReply({ layers }, ctx.params);
};
