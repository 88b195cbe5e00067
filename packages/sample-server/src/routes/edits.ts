/**
 * FeatureServer edit operations: layer `addFeatures`, `updateFeatures`, `deleteFeatures`,
 * `applyEdits`, `calculate`, and service-level `applyEdits`. The edit engine (src/edits) does
 * the work; this file reads parameters and writes answers.
 */
import { findLayer } from "../data/lookup.js";
import type { SampleLayer } from "../data/types.js";
import {
  applyLayerEdits,
  applyServiceEdits,
  calculate,
  CalculateError,
  EditError,
  editStateOf,
  layerAllows,
  logChanges,
  notSupportedReply,
  parseCalcExpressions,
  postOnlyReply,
  unableReply,
  type ApplyOptions,
  type LayerEdits,
  type ServiceLayerEdits,
} from "../edits/index.js";
import { errorReply, jsonReply, type Reply } from "../http/reply.js";
import { QueryError } from "../query/errors.js";
import { QueryParams } from "../query/params.js";
import { invalidLayerReply } from "./layer-errors.js";
import { loadQueryEngine } from "./query-engine.js";
import type { ServiceRequest, ServiceRoute } from "./service-context.js";

const LAYER_OPERATIONS = new Set(["addfeatures", "updatefeatures", "deletefeatures", "applyedits", "calculate"]);

function jsonArray(params: QueryParams, name: string): unknown[] | undefined {
  const value = params.json(name);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new QueryError(["Invalid or missing input parameters.", `'${name}' must be a JSON array.`]);
  return value;
}

/** `deletes`: a comma-separated id list or a JSON array (GlobalIDs with useGlobalIds). */
function deleteIds(params: QueryParams, name: string): unknown[] | undefined {
  const text = params.text(name);
  if (text === undefined) return undefined;
  if (text.startsWith("[")) return jsonArray(params, name);
  return text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function applyOptions(req: ServiceRequest, params: QueryParams): ApplyOptions {
  const state = editStateOf(req.ctx.state.dataset);
  return {
    rollbackOnFailure: params.bool("rollbackOnFailure", true),
    useGlobalIds: params.bool("useGlobalIds", false),
    onCommit: (layer, changes) => logChanges(state, layer, changes),
  };
}

/** Object ids selected by the query parameters (`objectIds`, `where`, `geometry` ...) through the query engine. */
async function selectObjectIds(layer: SampleLayer, raw: Record<string, string>): Promise<number[] | Reply> {
  const engine = await loadQueryEngine();
  const outcome = engine.executeQuery(layer, {
    ...raw,
    where: raw.where ?? raw.WHERE ?? "1=1",
    returnIdsOnly: "true",
    returnGeometry: "false",
    f: "json",
  });
  const body = outcome.body as { objectIds?: number[] | null; error?: unknown };
  if (body.error) return jsonReply(body, raw);
  return body.objectIds ?? [];
}

function missingCapability(layer: SampleLayer, edits: LayerEdits): boolean {
  return (
    ((edits.adds?.length ?? 0) > 0 && !layerAllows(layer, "Create")) ||
    ((edits.updates?.length ?? 0) > 0 && !layerAllows(layer, "Update")) ||
    ((edits.deletes?.length ?? 0) > 0 && !layerAllows(layer, "Delete"))
  );
}

async function layerOperation(req: ServiceRequest, layer: SampleLayer, operation: string): Promise<Reply> {
  const { ctx } = req;
  const raw = ctx.params;
  const params = new QueryParams(raw);
  switch (operation) {
    case "addfeatures": {
      if (!layerAllows(layer, "Create")) return notSupportedReply(raw);
      const adds = jsonArray(params, "features");
      if (!adds) return unableReply(["Invalid or missing input parameters.", "'features' is required."], raw);
      return jsonReply({ addResults: applyLayerEdits(layer, { adds }, applyOptions(req, params)).addResults }, raw);
    }
    case "updatefeatures": {
      if (!layerAllows(layer, "Update")) return notSupportedReply(raw);
      const updates = jsonArray(params, "features");
      if (!updates) return unableReply(["Invalid or missing input parameters.", "'features' is required."], raw);
      return jsonReply({ updateResults: applyLayerEdits(layer, { updates }, applyOptions(req, params)).updateResults }, raw);
    }
    case "deletefeatures": {
      if (!layerAllows(layer, "Delete")) return notSupportedReply(raw);
      let ids: unknown[] | undefined = deleteIds(params, "objectIds");
      if (!ids) {
        if (!params.text("where") && !params.text("geometry")) {
          return unableReply(["Invalid or missing input parameters.", "'objectIds', 'where' or 'geometry' is required."], raw);
        }
        const selected = await selectObjectIds(layer, raw);
        if (!Array.isArray(selected)) return selected;
        ids = selected;
      }
      const options = { ...applyOptions(req, params), useGlobalIds: false };
      return jsonReply({ deleteResults: applyLayerEdits(layer, { deletes: ids }, options).deleteResults }, raw);
    }
    case "applyedits": {
      const edits: LayerEdits = {
        adds: jsonArray(params, "adds"),
        updates: jsonArray(params, "updates"),
        deletes: deleteIds(params, "deletes"),
      };
      if (missingCapability(layer, edits)) return notSupportedReply(raw);
      return jsonReply(applyLayerEdits(layer, edits, applyOptions(req, params)), raw);
    }
    case "calculate": {
      if (!layerAllows(layer, "Update")) return notSupportedReply(raw);
      const expressions = parseCalcExpressions(params.json("calcExpression"), layer);
      const selected = await selectObjectIds(layer, raw);
      if (!Array.isArray(selected)) return selected;
      const result = calculate(layer, selected, expressions);
      if (result.updatedFeatureCount > 0) logChanges(editStateOf(ctx.state.dataset), layer, result.changes);
      return jsonReply({ success: true, updatedFeatureCount: result.updatedFeatureCount }, raw);
    }
    default:
      return notSupportedReply(raw);
  }
}

function parseServiceEdits(params: QueryParams): ServiceLayerEdits[] {
  const edits = jsonArray(params, "edits");
  if (!edits) throw new QueryError(["Invalid or missing input parameters.", "'edits' is required."]);
  return edits.map((entry) => {
    const e = entry as Record<string, unknown>;
    if (typeof e !== "object" || e === null || typeof e.id !== "number") {
      throw new QueryError(["Invalid or missing input parameters.", "Every entry of 'edits' needs a numeric 'id'."]);
    }
    const list = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);
    const deletes =
      typeof e.deletes === "string" ? e.deletes.split(",").map((s) => s.trim()).filter(Boolean).map(Number) : list(e.deletes);
    return { id: e.id, adds: list(e.adds), updates: list(e.updates), deletes };
  });
}

/** Edit operations of FeatureServer layers and the service-level applyEdits. */
export const editsRoute: ServiceRoute = async (req) => {
  const { ctx, service, serviceType, rest } = req;
  if (serviceType !== "FeatureServer") return undefined;
  const isService = rest.length === 1 && rest[0].toLowerCase() === "applyedits";
  const isLayer = rest.length === 2 && /^\d+$/.test(rest[0]) && LAYER_OPERATIONS.has(rest[1].toLowerCase());
  if (!isService && !isLayer) return undefined;
  if (ctx.method !== "POST") return postOnlyReply(ctx.params);
  try {
    if (isService) {
      const params = new QueryParams(ctx.params);
      const edits = parseServiceEdits(params);
      for (const entry of edits) {
        const layer = findLayer(service, String(entry.id));
        if (layer && missingCapability(layer, entry)) return notSupportedReply(ctx.params);
      }
      const results = applyServiceEdits(service, edits, applyOptions(req, params), (id) => findLayer(service, String(id)));
      return jsonReply(results, ctx.params);
    }
    const layer = findLayer(service, rest[0]);
    if (!layer) return invalidLayerReply(rest[0], ctx.params);
    return await layerOperation(req, layer, rest[1].toLowerCase());
  } catch (error) {
    if (error instanceof QueryError) return jsonReply(error.toBody(), ctx.params);
    if (error instanceof CalculateError) return unableReply([error.message], ctx.params);
    if (error instanceof EditError) return errorReply(400, "Unable to complete operation.", [error.description], ctx.params);
    throw error;
  }
};
