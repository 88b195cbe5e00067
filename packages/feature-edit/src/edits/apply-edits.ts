/**
 * A layer's `applyEdits`. Each edit operation has a file of its own (`add-features.ts`, ...) so
 * that it loads what its kind of edit needs only; all of them return one {@link EditSummary}
 * with a result per input edit, whatever the number of requests.
 */
import type { EditableLayer } from "./edit-target.js";
import { layerEdits } from "./engine-edits.js";
import { runLayerEdits } from "./layer-job.js";
import type { EditOptions, EditSummary, LayerEditsInput } from "./types.js";
import { ALL_CHECKS } from "./verify-all.js";

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
  return runLayerEdits(layer, options, (target) => layerEdits(target, edits, ""), ALL_CHECKS);
}
