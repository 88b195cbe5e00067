import { layerEndpoint } from "./edit-endpoint.js";
import { runEdits, type EngineEdit } from "./edit-engine.js";
import { defaultBatch, editLayerOf, layerMetadataOf, type EditLayer, type EditableLayer } from "./edit-target.js";
import type { EditOptions, EditSummary } from "./types.js";
import type { LostAnswerChecks } from "./verify.js";

/**
 * Runs an edit job on one layer's `applyEdits`: reads the layer's description when given a URL,
 * turns the inputs into engine edits (`editsOf` validates them), and runs the engine with the
 * checks of the kinds of edit it sends.
 */
export async function runLayerEdits(
  layer: EditableLayer,
  options: EditOptions,
  editsOf: (target: EditLayer) => EngineEdit[],
  checks: LostAnswerChecks,
): Promise<EditSummary> {
  const target = editLayerOf(await layerMetadataOf(layer, options));
  return runEdits({ endpoint: layerEndpoint(target), edits: editsOf(target), checks, defaultBatch: defaultBatch([target]) }, options);
}
