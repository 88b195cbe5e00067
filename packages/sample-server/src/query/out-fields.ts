/** The outFields parameter: `*` or a case-insensitive list of field names. */
import type { SampleField, SampleLayer } from "../data/types.js";
import { invalidQuery } from "./errors.js";
import type { FieldIndex } from "./fields.js";

/** Whether a field carries an attribute value (geometry/raster/blob fields do not appear in attributes). */
export function isAttributeField(field: SampleField): boolean {
  return field.type !== "esriFieldTypeGeometry" && field.type !== "esriFieldTypeRaster" && field.type !== "esriFieldTypeBlob";
}

/** Resolves outFields against a layer; unknown names give the 400 error. */
export function resolveOutFields(
  layer: SampleLayer,
  index: FieldIndex,
  names: string[] | undefined,
  fallback: "oid" | "all",
): { fields: SampleField[]; all: boolean } {
  const attributeFields = layer.fields.filter(isAttributeField);
  if (names === undefined || names.length === 0) {
    if (fallback === "all") return { fields: attributeFields, all: true };
    const oid = index.find(layer.objectIdField);
    return { fields: oid ? [oid] : [], all: false };
  }
  if (names.includes("*")) return { fields: attributeFields, all: true };
  const fields: SampleField[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const field = index.find(name);
    if (!field) throw invalidQuery(`'outFields' parameter is invalid: Invalid field: ${name}`);
    if (!seen.has(field.name) && isAttributeField(field)) {
      seen.add(field.name);
      fields.push(field);
    }
  }
  return { fields, all: false };
}
