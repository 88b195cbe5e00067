/**
 * Finding out what the server applied when an edit request's answer was lost. The checks of
 * each kind of edit are in files of their own (`verify-adds.ts`, `verify-deletes.ts`,
 * `verify-updates.ts`) and each operation passes the engine the checks of the kinds it sends,
 * so that adding features does not load the comparisons of updates. Anything no check can
 * establish stays unknown.
 */
import { request, type CallOptions } from "@arcrest/core";
import type { EditLayer } from "./edit-target.js";
import { groupByLayer, type EditUnit } from "./edit-unit.js";
import { canonicalGlobalId } from "./global-id.js";
import { attributeOf } from "./normalize-input.js";
import type { EditKind } from "./types.js";

/** What a check found for one edit. */
export type Verdict =
  | { applied: true; objectId: number | undefined; globalId: string | undefined }
  | { applied: false }
  | { unknown: string };

/** Checks one layer's edits of one kind, setting a verdict for each of them in `out`. */
export type KindCheck = (layer: EditLayer, units: readonly EditUnit[], options: CallOptions, out: Map<EditUnit, Verdict>) => Promise<void>;

/**
 * The checks an edit job runs after a lost answer, one per kind of edit it sends. An edit of a
 * kind without a check stays unknown: it is reported, never sent again.
 */
export type LostAnswerChecks = Partial<Record<EditKind, KindCheck>>;

/** The answer of a verification query. */
export interface QueryAnswer {
  features?: { attributes?: Record<string, unknown> }[];
  objectIds?: number[] | null;
}

/** Largest list of ids in one verification query (the layer's page size caps it too). */
const IN_BATCH = 200;

/** `items` in batches small enough for one verification query on `layer`. */
export function batches<T>(items: readonly T[], layer: EditLayer): T[][] {
  const size = Math.min(IN_BATCH, layer.maxRecordCount);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A verification query (attributes only) on the layer. */
export async function queryLayer(layer: EditLayer, params: Record<string, string | boolean>, options: CallOptions): Promise<QueryAnswer> {
  return request<QueryAnswer>(`${layer.url}/query`, {
    params: { f: "json", returnGeometry: false, ...params },
    kind: "read",
    httpMethod: "POST",
    ...(options.session ? { session: options.session } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Features with the given GlobalIDs: GlobalID → object id. */
export async function findByGlobalIds(layer: EditLayer, globalIds: string[], options: CallOptions): Promise<Map<string, number | undefined>> {
  const found = new Map<string, number | undefined>();
  const gidField = layer.globalIdField;
  if (!gidField) return found;
  for (const batch of batches(globalIds, layer)) {
    const answer = await queryLayer(layer, { where: `${gidField} IN (${batch.map(quote).join(",")})`, outFields: `${layer.objectIdField},${gidField}` }, options);
    for (const feature of answer.features ?? []) {
      const attrs = feature.attributes ?? {};
      const gid = canonicalGlobalId(attributeOf(attrs, gidField));
      const oid = attributeOf(attrs, layer.objectIdField);
      if (gid) found.set(gid, typeof oid === "number" ? oid : undefined);
    }
  }
  return found;
}

/** Runs the checks of one layer's edits: adds, then deletes, then updates. */
async function verifyLayer(
  layer: EditLayer,
  group: { adds: EditUnit[]; updates: EditUnit[]; deletes: EditUnit[] },
  checks: LostAnswerChecks,
  options: CallOptions,
  out: Map<EditUnit, Verdict>,
): Promise<void> {
  const kinds: [EditKind, EditUnit[]][] = [["add", group.adds], ["delete", group.deletes], ["update", group.updates]];
  for (const [kind, units] of kinds) {
    if (units.length === 0) continue;
    const check = checks[kind];
    if (check) await check(layer, units, options, out);
    else for (const u of units) out.set(u, { unknown: `no check of ${kind}s was given` });
  }
}

/**
 * Checks what became of edits whose answer was lost. A failing check leaves its edits unknown
 * (with the reason); it never sends an edit.
 */
export async function verifyUnits(
  units: readonly EditUnit[],
  layers: ReadonlyMap<number, EditLayer>,
  checks: LostAnswerChecks,
  options: CallOptions,
): Promise<Map<EditUnit, Verdict>> {
  const out = new Map<EditUnit, Verdict>();
  for (const [layerId, group] of groupByLayer(units)) {
    const layer = layers.get(layerId);
    if (!layer) {
      for (const u of [...group.adds, ...group.updates, ...group.deletes]) out.set(u, { unknown: `layer ${layerId} is unknown` });
      continue;
    }
    try {
      await verifyLayer(layer, group, checks, options, out);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = `the check failed: ${error instanceof Error ? error.message : String(error)}`;
      for (const u of [...group.adds, ...group.updates, ...group.deletes]) if (!out.has(u)) out.set(u, { unknown: reason });
    }
  }
  return out;
}
