import type { EditableLayer } from "./edit-target.js";
import { updateEdits } from "./engine-edits.js";
import { runLayerEdits } from "./layer-job.js";
import type { EditOptions, EditSummary, FeaturesInput } from "./types.js";
import { verifyUpdates } from "./verify-updates.js";

/** Updates features of a layer; each names its feature by object id (or GlobalID with `useGlobalIds`). */
export async function updateFeatures(layer: EditableLayer, features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
  return runLayerEdits(layer, options, (target) => updateEdits(target, features, "updates"), { update: verifyUpdates });
}
