import { ValidationError } from "@arcrest/core";
import { cleanUrl } from "@arcrest/core/internal";
import { runEdits, type EngineEdit } from "./edit-engine.js";
import { defaultBatch, editLayerOf, layerMetadataOf, type EditableLayer } from "./edit-target.js";
import { layerEdits } from "./engine-edits.js";
import { serviceEndpoint } from "./service-endpoint.js";
import type { EditOptions, EditSummary, ServiceLayerEditsInput } from "./types.js";
import { ALL_CHECKS } from "./verify-all.js";

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
  const endpoint = serviceEndpoint(cleanUrl(serviceUrl), targets);
  return runEdits({ endpoint, edits: engineEdits, checks: ALL_CHECKS, defaultBatch: defaultBatch(targets.values()) }, options);
}
