import { ArcGISAuthError, ArcGISRequestError, ValidationError, type CallOptions, type ParamValue } from "@arcrest/core";
import { esriFeatureNormalizer } from "../features/feature-normalizer.js";
import { queryAll } from "../features/query-all.js";
import { filterParams, spatialReferenceParam } from "../params/build-query-params.js";
import { fieldList } from "../params/out-fields.js";
import { parseFeatureSet } from "../parse/feature-set.js";
import { isRecord, unexpectedResponse } from "../parse/response-error.js";
import type { Feature, NormalizeOptions, QueryFilter, QueryResult, SpatialReferenceInput } from "../types.js";
import { queryFeatures } from "./query-features.js";
import { sendRead } from "./send-read.js";

/** A per-layer definition: a where clause, or a where clause with a field list. */
export type LayerDefinition = string | { where: string; outFields?: string | readonly string[] };

/** Options of {@link queryService}. */
export interface QueryServiceOptions extends Omit<QueryFilter, "where" | "objectIds">, CallOptions {
  /** The layers to query and their filters, by layer id: `{ 0: "state = 'CA'", 2: { where: "1=1", outFields: ["name"] } }`. */
  layerDefs: Record<number, LayerDefinition>;
  /** Return geometries (default true). */
  returnGeometry?: boolean;
  outSR?: SpatialReferenceInput;
  /**
   * `auto` (default) sends one service-level `query` (FeatureServer) and falls back
   * to one query per layer when the service has none (MapServer, old servers);
   * `per-layer` always queries each layer.
   */
  mode?: "auto" | "service" | "per-layer";
  /** In per-layer mode, read every page of each layer (`queryAll`). */
  getAll?: boolean;
  /** Value normalisation (dates, GUIDs, field case) or `false`. */
  normalize?: NormalizeOptions | false;
}

/** One layer's part of a {@link queryService} answer. */
export interface ServiceQueryLayerResult extends QueryResult {
  /** The layer id. */
  id: number;
}

function definitionOf(def: LayerDefinition): { where: string; outFields: string[] } {
  return typeof def === "string" ? { where: def, outFields: [] } : { where: def.where, outFields: fieldList(def.outFields) };
}

function isUnsupported(error: unknown): boolean {
  return error instanceof ArcGISRequestError && !(error instanceof ArcGISAuthError) && (error.code === 400 || error.code === 404 || error.httpStatus === 404);
}

/**
 * Queries several layers of a feature service at once, each with its own where
 * clause (`layerDefs`), sharing one spatial filter: the service-level `query`
 * of a FeatureServer, or one query per layer where the service has none.
 *
 * @param url - the service URL (`.../FeatureServer` or `.../MapServer`)
 */
export async function queryService(url: string, options: QueryServiceOptions): Promise<ServiceQueryLayerResult[]> {
  const ids = Object.keys(options.layerDefs ?? {}).map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 0)) {
    throw new ValidationError("layerDefs", "give at least one layer id with its where clause, e.g. { 0: \"1=1\" }");
  }
  const base = url.split(/[?#]/)[0].replace(/\/+$/, "").replace(/\/query$/i, "");
  const mode = options.mode ?? (/\/FeatureServer$/i.test(base) ? "auto" : "per-layer");
  const { layerDefs, mode: _mode, getAll, returnGeometry, outSR, normalize, session, signal, ...filter } = options;
  const call = { ...(session ? { session } : {}), ...(signal ? { signal } : {}) };
  const layerQueryOptions = (id: number) => {
    const d = definitionOf(layerDefs[id]);
    return {
      ...filter,
      ...call,
      where: d.where,
      ...(d.outFields.length > 0 ? { outFields: d.outFields } : {}),
      ...(returnGeometry !== undefined ? { returnGeometry } : {}),
      ...(outSR !== undefined ? { outSR } : {}),
      ...(normalize !== undefined ? { normalize } : {}),
    };
  };

  if (mode !== "per-layer") {
    const defs = ids.map((id) => {
      const d = definitionOf(layerDefs[id]);
      return { layerId: id, where: d.where, ...(d.outFields.length > 0 ? { outFields: d.outFields.join(",") } : {}) };
    });
    const params: Record<string, ParamValue> = { ...await filterParams(filter), layerDefs: JSON.stringify(defs), f: "json" };
    delete params.where;
    params.returnGeometry = returnGeometry ?? true;
    if (outSR !== undefined) params.outSR = spatialReferenceParam(outSR, "outSR");
    try {
      const target = `${base}/query`;
      const json = await sendRead<unknown>(target, params, call);
      if (!isRecord(json) || !Array.isArray(json.layers)) throw unexpectedResponse(target, "{ layers: [...] }", json);
      const results = json.layers.map((layer): ServiceQueryLayerResult => {
        if (!isRecord(layer) || typeof layer.id !== "number") throw unexpectedResponse(target, "layers with an id", layer);
        const set = parseFeatureSet(layer, target);
        const norm = esriFeatureNormalizer(set.fields, normalize, []);
        const { features, ...meta } = set;
        return { id: layer.id, ...meta, features: features.map((f) => norm(f as Feature)) };
      });
      if (!getAll) return results;
      // The service-level query is not paged: a layer cut at the transfer limit is read again, completely, on its own.
      const complete: ServiceQueryLayerResult[] = [];
      for (const result of results) {
        if (!result.exceededTransferLimit) complete.push(result);
        else complete.push({ id: result.id, ...(await queryAll(`${base}/${result.id}`, layerQueryOptions(result.id))) });
      }
      return complete;
    } catch (error) {
      if (mode === "service" || !isUnsupported(error)) throw error;
    }
  }

  const results: ServiceQueryLayerResult[] = [];
  for (const id of ids) {
    const layerOptions = layerQueryOptions(id);
    const result = getAll ? await queryAll(`${base}/${id}`, layerOptions) : await queryFeatures(`${base}/${id}`, layerOptions);
    results.push({ id, ...result });
  }
  return results;
}
