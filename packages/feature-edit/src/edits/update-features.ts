import { runEdits } from "./edit-engine.js";
import { defaultBatch, editLayerOf, layerMetadataOf, type EditableLayer } from "./edit-target.js";
import { updateEdits } from "./engine-edits.js";
import type { EditOptions, EditSummary, FeaturesInput } from "./types.js";

/** Updates features of a layer; each names its feature by object id (or GlobalID with `useGlobalIds`). */
export async function updateFeatures(layer: EditableLayer, features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
  const target = editLayerOf(await layerMetadataOf(layer, options));
  return runEdits({ level: "layer", layer: target }, updateEdits(target, features, "updates"), options, defaultBatch([target]));
}
