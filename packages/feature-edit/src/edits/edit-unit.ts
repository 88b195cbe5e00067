import type { WireFeature } from "./normalize-input.js";
import type { EditKind, EditResult } from "./types.js";

/** One edit on its way through the engine, with its (mutable) result. */
export interface EditUnit {
  kind: EditKind;
  layerId: number;
  /** The feature (adds, updates) or the object id / GlobalID (deletes). */
  payload: WireFeature | number | string;
  /** The GlobalID sent with an add (client-generated or given), when GlobalIDs are used. */
  globalId: string | undefined;
  /** Sent with `useGlobalIds` (updates and deletes are then identified by GlobalID). */
  byGlobalId: boolean;
  result: EditResult;
}

/** The edits of a set of units grouped by layer, in the order adds, updates, deletes. */
export function groupByLayer(units: readonly EditUnit[]): Map<number, { adds: EditUnit[]; updates: EditUnit[]; deletes: EditUnit[] }> {
  const groups = new Map<number, { adds: EditUnit[]; updates: EditUnit[]; deletes: EditUnit[] }>();
  for (const unit of units) {
    let group = groups.get(unit.layerId);
    if (!group) {
      group = { adds: [], updates: [], deletes: [] };
      groups.set(unit.layerId, group);
    }
    (unit.kind === "add" ? group.adds : unit.kind === "update" ? group.updates : group.deletes).push(unit);
  }
  return groups;
}
