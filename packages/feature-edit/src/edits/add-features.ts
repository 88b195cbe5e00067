import { runEdits } from "./edit-engine.js";
import { defaultBatch, editLayerOf, layerMetadataOf, type EditableLayer } from "./edit-target.js";
import { addEdits } from "./engine-edits.js";
import type { EditOptions, EditSummary, FeaturesInput } from "./types.js";

/**
 * Adds features to a layer.
 *
 * @example
 * ```ts
 * const summary = await addFeatures("https://host/arcgis/rest/services/Incidents/FeatureServer/0", [feature]);
 * ```
 */
export async function addFeatures(layer: EditableLayer, features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
  const target = editLayerOf(await layerMetadataOf(layer, options));
  return runEdits({ level: "layer", layer: target }, addEdits(target, features, "adds"), options, defaultBatch([target]));
}
