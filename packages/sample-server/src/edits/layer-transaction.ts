/**
 * Staged edits to one layer: adds, updates and deletes are checked against the layer and kept
 * aside until `commit()`, so a request can be applied all or nothing (`rollbackOnFailure`).
 */
import type { SampleFeature, SampleField, SampleLayer } from "../data/types.js";
import { fieldIndexOf } from "../query/fields.js";
import { coerceGeometry } from "./coerce-geometry.js";
import { coerceValue, type StoredValue } from "./coerce-value.js";
import { EditCode, EditError } from "./edit-error.js";
import { canonicalGuid, newGlobalId } from "./global-id.js";

/** A feature identity: object id and, when the layer has one, GlobalID. */
export interface FeatureKey {
  objectId: number;
  globalId: string | undefined;
}

/** What a committed transaction changed, for change tracking (replicas). */
export interface CommittedChanges {
  adds: FeatureKey[];
  updates: FeatureKey[];
  deletes: FeatureKey[];
}

const SYSTEM_TYPES = new Set(["esriFieldTypeOID", "esriFieldTypeGlobalID", "esriFieldTypeGeometry"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a raw edit's attribute by field name in any case. */
function attributeOf(attributes: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(attributes)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Staged edits of one layer. Not thread-safe; one per request. */
export class LayerTransaction {
  private readonly indexByOid = new Map<number, number>();
  private readonly staged = new Map<number, SampleFeature | null>();
  private readonly added: SampleFeature[] = [];
  private oidByGlobalId: Map<string, number> | undefined;
  private readonly changes: CommittedChanges = { adds: [], updates: [], deletes: [] };

  constructor(
    readonly layer: SampleLayer,
    private readonly useGlobalIds: boolean,
  ) {
    if (layer.lazy) throw new EditError(EditCode.content, "The layer is read-only.");
    layer.features.forEach((feature, index) => {
      const oid = feature.attributes[layer.objectIdField];
      if (typeof oid === "number") this.indexByOid.set(oid, index);
    });
  }

  /** The current (staged) feature with an object id, or undefined. */
  feature(objectId: number): SampleFeature | undefined {
    if (this.staged.has(objectId)) return this.staged.get(objectId) ?? undefined;
    const index = this.indexByOid.get(objectId);
    if (index !== undefined) return this.layer.features[index];
    return this.added.find((f) => f.attributes[this.layer.objectIdField] === objectId);
  }

  private globalIds(): Map<string, number> {
    if (!this.oidByGlobalId) {
      this.oidByGlobalId = new Map();
      const gidField = this.layer.globalIdField;
      if (gidField) {
        for (const feature of this.layer.features) {
          const gid = canonicalGuid(feature.attributes[gidField]);
          const oid = feature.attributes[this.layer.objectIdField];
          if (gid && typeof oid === "number") this.oidByGlobalId.set(gid, oid);
        }
      }
    }
    return this.oidByGlobalId;
  }

  /** The object id of the live feature with a GlobalID, or undefined. */
  objectIdOfGlobalId(globalId: string): number | undefined {
    const oid = this.globalIds().get(globalId);
    return oid !== undefined && this.feature(oid) ? oid : undefined;
  }

  private keyOf(feature: SampleFeature): FeatureKey {
    const gidField = this.layer.globalIdField;
    const gid = gidField ? feature.attributes[gidField] : undefined;
    return { objectId: feature.attributes[this.layer.objectIdField] as number, globalId: typeof gid === "string" ? gid : undefined };
  }

  /** Checks and applies editable attributes of a raw edit onto `target`. */
  private assignAttributes(target: Record<string, StoredValue>, attributes: Record<string, unknown>): void {
    const fields = fieldIndexOf(this.layer);
    for (const [key, value] of Object.entries(attributes)) {
      const field = fields.find(key);
      if (!field || SYSTEM_TYPES.has(field.type) || field.editable === false) continue;
      target[field.name] = coerceValue(field, value);
    }
  }

  private requiredMissing(attributes: Record<string, StoredValue>): SampleField | undefined {
    return this.layer.fields.find(
      (f) => !SYSTEM_TYPES.has(f.type) && f.nullable === false && f.editable !== false && attributes[f.name] === null,
    );
  }

  /** Stages an add; returns the new feature's identity. */
  add(raw: unknown): FeatureKey {
    if (!isRecord(raw)) throw new EditError(EditCode.content, "The feature is not a JSON object.");
    const attributes = isRecord(raw.attributes) ? raw.attributes : {};
    const stored: Record<string, StoredValue> = {};
    for (const field of this.layer.fields) {
      if (field.type === "esriFieldTypeGeometry") continue;
      stored[field.name] = (field.defaultValue as StoredValue | undefined) ?? null;
    }
    this.assignAttributes(stored, attributes);
    const missing = this.requiredMissing(stored);
    if (missing) throw new EditError(EditCode.notNullable, `Field: ${missing.name} is not nullable. Cannot set null value.`);
    const geometry = coerceGeometry(this.layer, raw.geometry);

    let globalId: string | undefined;
    const gidField = this.layer.globalIdField;
    if (gidField) {
      if (this.useGlobalIds) {
        const supplied = attributeOf(attributes, gidField);
        if (supplied === undefined || supplied === null) throw new EditError(EditCode.missingGlobalId, "Missing GlobalID.");
        if (typeof supplied === "string" && supplied.trim() === "") throw new EditError(EditCode.emptyGlobalId, "Empty GlobalID.");
        globalId = canonicalGuid(supplied);
        if (!globalId) throw new EditError(EditCode.content, `Invalid GlobalID ${JSON.stringify(supplied)}.`);
        if (this.objectIdOfGlobalId(globalId) !== undefined) {
          throw new EditError(EditCode.unique, "Unique constraint violation error on inserting the value.");
        }
      } else {
        globalId = newGlobalId();
      }
      stored[gidField] = globalId;
    }
    const objectId = this.layer.nextObjectId;
    this.layer.nextObjectId += 1;
    stored[this.layer.objectIdField] = objectId;
    const feature: SampleFeature = { attributes: stored, geometry };
    this.added.push(feature);
    if (globalId) this.globalIds().set(globalId, objectId);
    this.changes.adds.push({ objectId, globalId });
    return { objectId, globalId };
  }

  /** The object id an update or delete addresses (by GlobalID when `useGlobalIds`). */
  private resolve(id: unknown): { objectId: number | undefined; globalId: string | undefined } {
    if (this.useGlobalIds && this.layer.globalIdField) {
      const globalId = canonicalGuid(id);
      if (!globalId) throw new EditError(EditCode.content, `Invalid GlobalID ${JSON.stringify(id)}.`);
      return { objectId: this.objectIdOfGlobalId(globalId), globalId };
    }
    const objectId = typeof id === "number" ? id : typeof id === "string" && /^\d+$/.test(id.trim()) ? Number(id) : NaN;
    if (!Number.isInteger(objectId)) throw new EditError(EditCode.content, `Invalid object id ${JSON.stringify(id)}.`);
    return { objectId: this.feature(objectId) ? objectId : undefined, globalId: undefined };
  }

  /** The identity a raw update names (for its result even when it fails). */
  updateTarget(raw: unknown): { objectId: number | null; globalId: string | null } {
    if (!isRecord(raw) || !isRecord(raw.attributes)) return { objectId: null, globalId: null };
    const oid = attributeOf(raw.attributes, this.layer.objectIdField);
    const gid = this.layer.globalIdField ? attributeOf(raw.attributes, this.layer.globalIdField) : undefined;
    return { objectId: typeof oid === "number" ? oid : null, globalId: canonicalGuid(gid) ?? null };
  }

  /** Stages an update. */
  update(raw: unknown): FeatureKey {
    if (!isRecord(raw) || !isRecord(raw.attributes)) throw new EditError(EditCode.content, "The feature has no attributes.");
    const key = this.useGlobalIds && this.layer.globalIdField ? this.layer.globalIdField : this.layer.objectIdField;
    const id = attributeOf(raw.attributes, key);
    if (id === undefined || id === null) {
      throw new EditError(EditCode.content, `The feature to update has no ${key}.`);
    }
    const { objectId } = this.resolve(id);
    const current = objectId === undefined ? undefined : this.feature(objectId);
    if (objectId === undefined || !current) throw new EditError(EditCode.missing, "Object is missing.");
    const attributes = { ...current.attributes };
    this.assignAttributes(attributes, raw.attributes);
    const missing = this.requiredMissing(attributes);
    if (missing) throw new EditError(EditCode.notNullable, `Field: ${missing.name} is not nullable. Cannot set null value.`);
    const geometry = "geometry" in raw && raw.geometry !== undefined ? coerceGeometry(this.layer, raw.geometry) : current.geometry;
    const updated: SampleFeature = { attributes, geometry };
    this.replace(objectId, updated);
    const result = this.keyOf(updated);
    this.changes.updates.push(result);
    return result;
  }

  /** Stages a delete of an object id (or GlobalID with `useGlobalIds`). */
  delete(id: unknown): FeatureKey {
    const { objectId } = this.resolve(id);
    const current = objectId === undefined ? undefined : this.feature(objectId);
    if (objectId === undefined || !current) throw new EditError(EditCode.missing, "Object is missing.");
    const result = this.keyOf(current);
    this.replace(objectId, null);
    this.changes.deletes.push(result);
    return result;
  }

  private replace(objectId: number, feature: SampleFeature | null): void {
    const addedIndex = this.added.findIndex((f) => f.attributes[this.layer.objectIdField] === objectId);
    if (addedIndex >= 0) {
      if (feature) this.added[addedIndex] = feature;
      else this.added.splice(addedIndex, 1);
      return;
    }
    this.staged.set(objectId, feature);
  }

  /** Whether anything is staged. */
  get isEmpty(): boolean {
    return this.staged.size === 0 && this.added.length === 0;
  }

  /** Applies the staged edits to the layer and returns what changed. */
  commit(now: number): CommittedChanges {
    if (this.isEmpty) return this.changes;
    const { layer } = this;
    const oidField = layer.objectIdField;
    const deleted = new Set<number>();
    for (const [oid, feature] of this.staged) {
      const index = this.indexByOid.get(oid);
      if (index === undefined) continue;
      if (feature) layer.features[index] = feature;
      else deleted.add(oid);
    }
    if (deleted.size > 0) {
      const kept = layer.features.filter((f) => !deleted.has(f.attributes[oidField] as number));
      layer.features.length = 0;
      for (const f of kept) layer.features.push(f);
      if (layer.attachments) layer.attachments = layer.attachments.filter((a) => !deleted.has(a.parentObjectId));
    }
    for (const feature of this.added) layer.features.push(feature);
    layer.lastEditDate = now;
    return this.changes;
  }
}
