/**
 * Input edits of one layer as engine edits: one function per kind, so that an operation loads
 * the input checks of the kinds it sends only (`addFeatures` carries no object id checks).
 */
import { ValidationError } from "@arcrest/core";
import type { EditLayer } from "./edit-target.js";
import type { EngineEdit } from "./edit-engine.js";
import { featureList, toWireFeature } from "./normalize-input.js";
import type { FeaturesInput, LayerEditsInput } from "./types.js";

/** Features to add; `name` is the parameter named by validation errors (`adds`, `edits[0].adds`). */
export function addEdits(layer: EditLayer, features: FeaturesInput | undefined, name: string): EngineEdit[] {
  return featureList(features, name).map((f, index) => ({ kind: "add", layerId: layer.id, index, payload: toWireFeature(f, `${name}[${index}]`) }));
}

/** Features to update; a GeoJSON `id` names the feature's object id. */
export function updateEdits(layer: EditLayer, features: FeaturesInput | undefined, name: string): EngineEdit[] {
  return featureList(features, name).map((f, index) => ({
    kind: "update",
    layerId: layer.id,
    index,
    payload: toWireFeature(f, `${name}[${index}]`, layer.objectIdField),
  }));
}

/** Object ids (or GlobalIDs) to delete. */
export function deleteEdits(layer: EditLayer, ids: readonly (number | string)[] | undefined, name: string): EngineEdit[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids)) throw new ValidationError(name, "must be an array of object ids (or GlobalIDs)");
  for (const [i, id] of ids.entries()) {
    const ok = (typeof id === "number" && Number.isInteger(id)) || (typeof id === "string" && id.trim() !== "");
    if (!ok) throw new ValidationError(`${name}[${i}]`, `must be an integer object id or a GlobalID string, got ${JSON.stringify(id)}`);
  }
  return ids.map((id, index) => ({ kind: "delete", layerId: layer.id, index, payload: id }));
}

/** One layer's adds, then updates, then deletes; `prefix` leads the parameter names (`edits[0].`). */
export function layerEdits(layer: EditLayer, edits: LayerEditsInput, prefix: string): EngineEdit[] {
  return [
    ...addEdits(layer, edits.adds, `${prefix}adds`),
    ...updateEdits(layer, edits.updates, `${prefix}updates`),
    ...deleteEdits(layer, edits.deletes, `${prefix}deletes`),
  ];
}
