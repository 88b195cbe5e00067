import { ValidationError } from "@arcrest/core";
import { queryObjectIds, type QueryFilter } from "@arcrest/query";
import { layerMetadataOf, type EditableLayer } from "./edit-target.js";
import { deleteEdits } from "./engine-edits.js";
import { runLayerEdits } from "./layer-job.js";
import type { EditOptions, EditSummary } from "./types.js";
import { verifyDeletes } from "./verify-deletes.js";

/** What to delete: object ids, or the features matching a where clause and/or a geometry. */
export interface DeleteSelection extends Pick<QueryFilter, "where" | "geometry" | "inSR" | "spatialRel"> {
  objectIds?: readonly number[];
  /** GlobalIDs (sent with `useGlobalIds`). */
  globalIds?: readonly string[];
}

async function deleteIds(layer: EditableLayer, ids: readonly (number | string)[], options: EditOptions): Promise<EditSummary> {
  return runLayerEdits(layer, options, (target) => deleteEdits(target, ids, "deletes"), { delete: verifyDeletes });
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
    return deleteIds(layer, globalIds, { ...options, useGlobalIds: true });
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
  return deleteIds(layer, ids, { ...options, useGlobalIds: false });
}
