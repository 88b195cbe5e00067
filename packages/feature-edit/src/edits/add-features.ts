import type { EditableLayer } from "./edit-target.js";
import { addEdits } from "./engine-edits.js";
import { runLayerEdits } from "./layer-job.js";
import type { EditOptions, EditSummary, FeaturesInput } from "./types.js";
import { verifyAdds } from "./verify-adds.js";

/**
 * Adds features to a layer.
 *
 * @example
 * ```ts
 * const summary = await addFeatures("https://host/arcgis/rest/services/Incidents/FeatureServer/0", [feature]);
 * ```
 */
export async function addFeatures(layer: EditableLayer, features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
  return runLayerEdits(layer, options, (target) => addEdits(target, features, "adds"), { add: verifyAdds });
}
