import type { EditUnit } from "./edit-unit.js";
import { canonicalGlobalId } from "./global-id.js";
import { attributeOf, type WireFeature } from "./normalize-input.js";
import { batches, queryLayer, type KindCheck } from "./verify.js";

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

/**
 * Updates whose answer was lost: attribute-only updates are applied when every value sent is
 * stored; a geometry update cannot be compared and stays unknown.
 */
export const verifyUpdates: KindCheck = async (layer, units, options, out) => {
  const checkable: { unit: EditUnit; oid: number; attrs: Record<string, unknown> }[] = [];
  for (const u of units) {
    const feature = u.payload as WireFeature;
    const oid = attributeOf(feature.attributes, layer.objectIdField);
    if (feature.geometry) out.set(u, { unknown: "a geometry update cannot be checked" });
    else if (typeof oid !== "number") out.set(u, { unknown: "the update has no object id to check it by" });
    else checkable.push({ unit: u, oid, attrs: feature.attributes });
  }
  for (const batch of batches(checkable, layer)) {
    const fields = new Set<string>([layer.objectIdField]);
    for (const c of batch) for (const name of Object.keys(c.attrs)) fields.add(name);
    const answer = await queryLayer(layer, { objectIds: batch.map((c) => c.oid).join(","), outFields: [...fields].join(",") }, options);
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
};
