import type { SampleField, SampleLayer } from "../data/types.js";

/** A field as layer info lists it (union of the MapServer and FeatureServer members). */
export function fieldJson(field: SampleField, layer: SampleLayer): Record<string, unknown> {
  const isOid = field.type === "esriFieldTypeOID";
  const isGlobalId = field.type === "esriFieldTypeGlobalID";
  return {
    name: field.name,
    type: field.type,
    alias: field.alias,
    sqlType: "sqlTypeOther",
    ...(field.length !== undefined ? { length: field.length } : {}),
    nullable: field.nullable ?? !(isOid || isGlobalId),
    editable: field.editable ?? !(isOid || isGlobalId || field.name === layer.objectIdField),
    domain: field.domain ?? null,
    defaultValue: field.defaultValue ?? null,
  };
}

/** Layer indexes: one on the object id, one on the shape (as geodatabases have). */
export function indexesJson(layer: SampleLayer): Record<string, unknown>[] {
  const indexes: Record<string, unknown>[] = [
    { name: `R${layer.id}_SDE_ROWID_UK`, fields: layer.objectIdField, isAscending: true, isUnique: true, description: "" },
  ];
  if (layer.geometryType) indexes.push({ name: `A${layer.id}_IX1`, fields: "Shape", isAscending: true, isUnique: true, description: "" });
  if (layer.globalIdField) {
    indexes.push({ name: `GDB_${layer.id}_GlobalID`, fields: layer.globalIdField, isAscending: true, isUnique: true, description: "" });
  }
  return indexes;
}
