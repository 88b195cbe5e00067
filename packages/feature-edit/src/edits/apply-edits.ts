/**
 * Editing a layer or a service: plain functions over the edit engine. Each returns one
 * {@link EditSummary} with a result per input edit, whatever the number of requests.
 */
import { ValidationError, type LayerMetadata } from "@arcrest/core";
import { queryObjectIds } from "@arcrest/query";
import { cleanUrl } from "@arcrest/core/internal";
import { editLayerOf, layerMetadataOf, type EditLayer } from "./edit-target.js";
import { runEdits, type EngineEdit } from "./edit-engine.js";
import { featureList, toWireFeature } from "./normalize-input.js";
import type { EditOptions, EditSummary, FeaturesInput, LayerEditsInput, ServiceLayerEditsInput } from "./types.js";
import type { QueryFilter } from "@arcrest/query";

/** Largest default chunk. */
const MAX_DEFAULT_BATCH = 1000;

/**
 * A layer to edit: its URL (its description is then read once), or its metadata (a
 * `FeatureLayer`, `MapServiceLayer` or `LayerMetadata`), as query's functions take it.
 */
export type EditableLayer = string | LayerMetadata;

function defaultBatch(layers: Iterable<EditLayer>): number {
  let batch = MAX_DEFAULT_BATCH;
  for (const layer of layers) batch = Math.min(batch, layer.maxRecordCount || MAX_DEFAULT_BATCH);
  return batch;
}

function checkDeleteIds(ids: readonly (number | string)[] | undefined, name: string): readonly (number | string)[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids)) throw new ValidationError(name, "must be an array of object ids (or GlobalIDs)");
  for (const [i, id] of ids.entries()) {
    const ok = (typeof id === "number" && Number.isInteger(id)) || (typeof id === "string" && id.trim() !== "");
    if (!ok) throw new ValidationError(`${name}[${i}]`, `must be an integer object id or a GlobalID string, got ${JSON.stringify(id)}`);
  }
  return ids;
}

/** Turns one layer's inputs into engine edits (adds, then updates, then deletes). */
function layerEdits(layer: EditLayer, edits: LayerEditsInput, prefix: string): EngineEdit[] {
  const out: EngineEdit[] = [];
  featureList(edits.adds, `${prefix}adds`).forEach((f, index) => {
    out.push({ kind: "add", layerId: layer.id, index, payload: toWireFeature(f, `${prefix}adds[${index}]`) });
  });
  featureList(edits.updates, `${prefix}updates`).forEach((f, index) => {
    out.push({ kind: "update", layerId: layer.id, index, payload: toWireFeature(f, `${prefix}updates[${index}]`, layer.objectIdField) });
  });
  checkDeleteIds(edits.deletes, `${prefix}deletes`).forEach((id, index) => {
    out.push({ kind: "delete", layerId: layer.id, index, payload: id });
  });
  return out;
}

/**
 * Adds, updates and deletes features of a layer (its `applyEdits`), in chunks.
 *
 * @param layer - the layer: its URL or its metadata
 * @param edits - features to add and update (Esri JSON or GeoJSON), ids to delete
 * @example
 * ```ts
 * const summary = await applyEdits(url, { adds: [feature], deletes: [17] });
 * ```
 */
export async function applyEdits(layer: EditableLayer, edits: LayerEditsInput, options: EditOptions = {}): Promise<EditSummary> {
  const target = editLayerOf(await layerMetadataOf(layer, options));
  return runEdits({ level: "layer", layer: target }, layerEdits(target, edits, ""), options, defaultBatch([target]));
}

/**
 * Adds features to a layer.
 *
 * @example
 * ```ts
 * const summary = await addFeatures("https://host/arcgis/rest/services/Incidents/FeatureServer/0", [feature]);
 * ```
 */
export async function addFeatures(layer: EditableLayer, features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
  return applyEdits(layer, { adds: features }, options);
}

/** Updates features of a layer; each names its feature by object id (or GlobalID with `useGlobalIds`). */
export async function updateFeatures(layer: EditableLayer, features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
  return applyEdits(layer, { updates: features }, options);
}

/** What to delete: object ids, or the features matching a where clause and/or a geometry. */
export interface DeleteSelection extends Pick<QueryFilter, "where" | "geometry" | "inSR" | "spatialRel"> {
  objectIds?: readonly number[];
  /** GlobalIDs (sent with `useGlobalIds`). */
  globalIds?: readonly string[];
}

/**
 * Deletes features by object id, GlobalID, `where` and/or geometry. A where or geometry is
 * resolved to object ids first, so every deleted feature gets its own result.
 */
export async function deleteFeatures(layer: EditableLayer, selection: DeleteSelection, options: EditOptions = {}): Promise<EditSummary> {
  if (typeof selection !== "object" || selection === null) throw new ValidationError("selection", "give { objectIds }, { globalIds }, { where } or { geometry }");
  const { objectIds, globalIds, where, geometry, inSR, spatialRel } = selection;
  if (globalIds !== undefined) {
    if (objectIds || where || geometry) throw new ValidationError("selection", "give globalIds alone");
    return applyEdits(layer, { deletes: globalIds }, { ...options, useGlobalIds: true });
  }
  let ids: readonly number[] | undefined = objectIds;
  if (where !== undefined || geometry !== undefined) {
    const meta = await layerMetadataOf(layer, options);
    const session = options.session ?? (meta as { session?: EditOptions["session"] }).session;
    const filter = { where, geometry, inSR, spatialRel, objectIds, gdbVersion: options.gdbVersion || undefined };
    const found = await queryObjectIds(meta.url, { ...filter, session, signal: options.signal });
    ids = found.objectIds;
    layer = meta;
  }
  if (ids === undefined) throw new ValidationError("selection", "give objectIds, globalIds, where or geometry");
  return applyEdits(layer, { deletes: ids }, { ...options, useGlobalIds: false });
}

/**
 * Edits several layers of a feature service at once (the service's `applyEdits`), in chunks;
 * with `rollbackOnFailure` each request is applied all or nothing across its layers.
 *
 * @param serviceUrl - the FeatureServer URL
 * @param layers - metadata of every layer edited
 * @param edits - per layer: adds, updates, deletes
 */
export async function applyServiceEdits(
  serviceUrl: string,
  layers: readonly EditableLayer[],
  edits: readonly ServiceLayerEditsInput[],
  options: EditOptions = {},
): Promise<EditSummary> {
  if (!Array.isArray(edits)) throw new ValidationError("edits", "must be an array of { id, adds, updates, deletes }");
  const metas = await Promise.all(layers.map((l) => layerMetadataOf(l, options)));
  const targets = new Map(metas.map((l) => [l.id, editLayerOf(l)]));
  const engineEdits: EngineEdit[] = [];
  for (const [i, entry] of edits.entries()) {
    const target = targets.get(entry?.id);
    if (!target) throw new ValidationError(`edits[${i}].id`, `no layer ${String(entry?.id)} among ${[...targets.keys()].join(", ")}`);
    engineEdits.push(...layerEdits(target, entry, `edits[${i}].`));
  }
  return runEdits({ level: "service", url: cleanUrl(serviceUrl), layers: targets }, engineEdits, options, defaultBatch(targets.values()));
}
