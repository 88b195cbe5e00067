import type { CallOptions } from "@arcrest/core";
import type { EditLayer } from "./edit-target.js";
import { canonicalGlobalId } from "./global-id.js";
import { batches, findByGlobalIds, queryLayer, type KindCheck } from "./verify.js";

/** Which of the object ids still exist. */
async function existingObjectIds(layer: EditLayer, objectIds: number[], options: CallOptions): Promise<Set<number>> {
  const existing = new Set<number>();
  for (const batch of batches(objectIds, layer)) {
    const answer = await queryLayer(layer, { objectIds: batch.join(","), returnIdsOnly: true }, options);
    for (const id of answer.objectIds ?? []) existing.add(id);
  }
  return existing;
}

/** Deletes whose answer was lost: applied when the feature (by object id or GlobalID) is gone. */
export const verifyDeletes: KindCheck = async (layer, units, options, out) => {
  const byOid = units.filter((u) => !u.byGlobalId && typeof u.payload === "number");
  const byGid = units.filter((u) => u.byGlobalId);
  if (byOid.length > 0) {
    const existing = await existingObjectIds(layer, byOid.map((u) => u.payload as number), options);
    for (const u of byOid) out.set(u, existing.has(u.payload as number) ? { applied: false } : { applied: true, objectId: u.payload as number, globalId: undefined });
  }
  if (byGid.length > 0) {
    const gids = byGid.map((u) => canonicalGlobalId(u.payload) ?? String(u.payload));
    const found = await findByGlobalIds(layer, gids, options);
    byGid.forEach((u, i) => out.set(u, found.has(gids[i]) ? { applied: false } : { applied: true, objectId: undefined, globalId: gids[i] }));
  }
  for (const u of units) if (!out.has(u)) out.set(u, { unknown: "the delete named no object id" });
};
