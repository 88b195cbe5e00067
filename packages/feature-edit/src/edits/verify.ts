/**
 * Finding out what the server applied when an edit request's answer was lost: adds by the
 * GlobalIDs they were sent with, deletes by whether the feature still exists, attribute
 * updates by comparing the stored values. Anything else stays unknown.
 */
import { request, type CallOptions } from "@arcrest/core";
import type { EditLayer } from "./edit-target.js";
import { groupByLayer, type EditUnit } from "./edit-unit.js";
import { canonicalGlobalId } from "./global-id.js";
import { attributeOf, type WireFeature } from "./normalize-input.js";

/** What a check found for one edit. */
export type Verdict =
  | { applied: true; objectId: number | undefined; globalId: string | undefined }
  | { applied: false }
  | { unknown: string };

interface QueryAnswer {
  features?: { attributes?: Record<string, unknown> }[];
  objectIds?: number[] | null;
}

const IN_BATCH = 200;

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

async function query(layer: EditLayer, params: Record<string, string | boolean>, options: CallOptions): Promise<QueryAnswer> {
  return request<QueryAnswer>(`${layer.url}/query`, {
    params: { f: "json", returnGeometry: false, ...params },
    kind: "read",
    httpMethod: "POST",
    ...(options.session ? { session: options.session } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Features with the given GlobalIDs: GlobalID → object id. */
async function findByGlobalIds(layer: EditLayer, globalIds: string[], options: CallOptions): Promise<Map<string, number | undefined>> {
  const found = new Map<string, number | undefined>();
  const gidField = layer.globalIdField;
  if (!gidField) return found;
  for (const batch of batches(globalIds, Math.min(IN_BATCH, layer.maxRecordCount))) {
    const answer = await query(layer, { where: `${gidField} IN (${batch.map(quote).join(",")})`, outFields: `${layer.objectIdField},${gidField}` }, options);
    for (const feature of answer.features ?? []) {
      const attrs = feature.attributes ?? {};
      const gid = canonicalGlobalId(attributeOf(attrs, gidField));
      const oid = attributeOf(attrs, layer.objectIdField);
      if (gid) found.set(gid, typeof oid === "number" ? oid : undefined);
    }
  }
  return found;
}

/** Which of the object ids still exist. */
async function existingObjectIds(layer: EditLayer, objectIds: number[], options: CallOptions): Promise<Set<number>> {
  const existing = new Set<number>();
  for (const batch of batches(objectIds, Math.min(IN_BATCH, layer.maxRecordCount))) {
    const answer = await query(layer, { objectIds: batch.join(","), returnIdsOnly: true }, options);
    for (const id of answer.objectIds ?? []) existing.add(id);
  }
  return existing;
}

function sameValue(sent: unknown, stored: unknown): boolean {
  if (sent === stored) return true;
  if (sent === null || stored === null || sent === undefined || stored === undefined) return false;
  const gidA = canonicalGlobalId(sent);
  if (gidA && gidA === canonicalGlobalId(stored)) return true;
  const a = typeof sent === "number" ? sent : typeof sent === "string" && sent.trim() !== "" ? Number(sent) : NaN;
  const b = typeof stored === "number" ? stored : typeof stored === "string" && stored.trim() !== "" ? Number(stored) : NaN;
  if (Number.isFinite(a) && Number.isFinite(b)) return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof sent === "boolean") return stored === (sent ? 1 : 0);
  return String(sent) === String(stored);
}

async function verifyLayer(layer: EditLayer, units: { adds: EditUnit[]; updates: EditUnit[]; deletes: EditUnit[] }, options: CallOptions, out: Map<EditUnit, Verdict>): Promise<void> {
  // Adds: by the GlobalIDs they carried.
  const addsWithGid = units.adds.filter((u) => u.globalId);
  for (const u of units.adds) if (!u.globalId) out.set(u, { unknown: "the add carried no GlobalID to look it up by" });
  if (addsWithGid.length > 0) {
    const found = await findByGlobalIds(layer, addsWithGid.map((u) => u.globalId as string), options);
    for (const u of addsWithGid) {
      const gid = u.globalId as string;
      out.set(u, found.has(gid) ? { applied: true, objectId: found.get(gid), globalId: gid } : { applied: false });
    }
  }
  // Deletes: applied when the feature is gone.
  const byOid = units.deletes.filter((u) => !u.byGlobalId && typeof u.payload === "number");
  const byGid = units.deletes.filter((u) => u.byGlobalId);
  if (byOid.length > 0) {
    const existing = await existingObjectIds(layer, byOid.map((u) => u.payload as number), options);
    for (const u of byOid) out.set(u, existing.has(u.payload as number) ? { applied: false } : { applied: true, objectId: u.payload as number, globalId: undefined });
  }
  if (byGid.length > 0) {
    const gids = byGid.map((u) => canonicalGlobalId(u.payload) ?? String(u.payload));
    const found = await findByGlobalIds(layer, gids, options);
    byGid.forEach((u, i) => out.set(u, found.has(gids[i]) ? { applied: false } : { applied: true, objectId: undefined, globalId: gids[i] }));
  }
  for (const u of units.deletes) if (!out.has(u)) out.set(u, { unknown: "the delete named no object id" });
  // Updates: attribute-only updates by comparing the stored values.
  const checkable: { unit: EditUnit; oid: number; attrs: Record<string, unknown> }[] = [];
  for (const u of units.updates) {
    const feature = u.payload as WireFeature;
    const oid = attributeOf(feature.attributes, layer.objectIdField);
    if (feature.geometry) out.set(u, { unknown: "a geometry update cannot be checked" });
    else if (typeof oid !== "number") out.set(u, { unknown: "the update has no object id to check it by" });
    else checkable.push({ unit: u, oid, attrs: feature.attributes });
  }
  for (const batch of batches(checkable, Math.min(IN_BATCH, layer.maxRecordCount))) {
    const fields = new Set<string>([layer.objectIdField]);
    for (const c of batch) for (const name of Object.keys(c.attrs)) fields.add(name);
    const answer = await query(layer, { objectIds: batch.map((c) => c.oid).join(","), outFields: [...fields].join(",") }, options);
    const stored = new Map<number, Record<string, unknown>>();
    for (const f of answer.features ?? []) {
      const oid = attributeOf(f.attributes ?? {}, layer.objectIdField);
      if (typeof oid === "number") stored.set(oid, f.attributes ?? {});
    }
    for (const c of batch) {
      const current = stored.get(c.oid);
      if (!current) {
        out.set(c.unit, { unknown: "the feature no longer exists" });
        continue;
      }
      const same = Object.entries(c.attrs).every(([name, value]) => sameValue(value, attributeOf(current, name)));
      out.set(c.unit, same ? { applied: true, objectId: c.oid, globalId: undefined } : { applied: false });
    }
  }
}

/**
 * Checks what became of edits whose answer was lost. A failing check leaves its edits unknown
 * (with the reason); it never sends an edit.
 */
export async function verifyUnits(units: readonly EditUnit[], layers: ReadonlyMap<number, EditLayer>, options: CallOptions): Promise<Map<EditUnit, Verdict>> {
  const out = new Map<EditUnit, Verdict>();
  for (const [layerId, group] of groupByLayer(units)) {
    const layer = layers.get(layerId);
    if (!layer) {
      for (const u of [...group.adds, ...group.updates, ...group.deletes]) out.set(u, { unknown: `layer ${layerId} is unknown` });
      continue;
    }
    try {
      await verifyLayer(layer, group, options, out);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = `the check failed: ${error instanceof Error ? error.message : String(error)}`;
      for (const u of [...group.adds, ...group.updates, ...group.deletes]) if (!out.has(u)) out.set(u, { unknown: reason });
    }
  }
  return out;
}
