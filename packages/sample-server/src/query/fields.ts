/** Case-insensitive field lookup and the value class of each esriFieldType. */
import type { SampleField, SampleLayer } from "../data/types.js";

/** How where clauses, sorting and statistics treat a field's values. */
export type ValueClass = "number" | "string" | "date" | "other";

const NUMBER_TYPES = new Set([
  "esriFieldTypeOID",
  "esriFieldTypeSmallInteger",
  "esriFieldTypeInteger",
  "esriFieldTypeBigInteger",
  "esriFieldTypeSingle",
  "esriFieldTypeDouble",
]);
const STRING_TYPES = new Set([
  "esriFieldTypeString",
  "esriFieldTypeGlobalID",
  "esriFieldTypeGUID",
  "esriFieldTypeXML",
  "esriFieldTypeDateOnly",
  "esriFieldTypeTimeOnly",
  "esriFieldTypeTimestampOffset",
]);

/** The value class of an esriFieldType* name. */
export function valueClassOf(type: string): ValueClass {
  if (NUMBER_TYPES.has(type)) return "number";
  if (STRING_TYPES.has(type)) return "string";
  if (type === "esriFieldTypeDate") return "date";
  return "other";
}

/** A layer's fields, looked up by name in any case. */
export class FieldIndex {
  private readonly byLowerName = new Map<string, SampleField>();

  constructor(readonly fields: readonly SampleField[]) {
    for (const field of fields) this.byLowerName.set(field.name.toLowerCase(), field);
  }

  /** The field called `name` in any case, or undefined. */
  find(name: string): SampleField | undefined {
    return this.byLowerName.get(name.trim().toLowerCase());
  }
}

const indexes = new WeakMap<readonly SampleField[], FieldIndex>();

/** The (cached) field index of a layer; rebuilt when the layer's field array is replaced. */
export function fieldIndexOf(layer: SampleLayer): FieldIndex {
  let index = indexes.get(layer.fields);
  if (!index || index.fields.length !== layer.fields.length) {
    index = new FieldIndex(layer.fields);
    indexes.set(layer.fields, index);
  }
  return index;
}
