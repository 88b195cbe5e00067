/** Field descriptions as query responses list them. */
import type { SampleField } from "../../data/types.js";

/** A field in a query response's `fields` array (the FeatureServer form, a superset of the MapServer one). */
export interface FieldJson {
  name: string;
  type: string;
  alias: string;
  sqlType: string;
  length?: number;
  domain: SampleField["domain"] | null;
  defaultValue: unknown;
}

const SQL_TYPES: Record<string, string> = {
  esriFieldTypeSmallInteger: "sqlTypeSmallInt",
  esriFieldTypeInteger: "sqlTypeInteger",
  esriFieldTypeBigInteger: "sqlTypeBigInt",
  esriFieldTypeSingle: "sqlTypeFloat",
  esriFieldTypeDouble: "sqlTypeDouble",
  esriFieldTypeString: "sqlTypeNVarchar",
  esriFieldTypeDate: "sqlTypeTimestamp2",
};

/** The response description of a layer field. */
export function fieldJson(field: SampleField): FieldJson {
  const out: FieldJson = {
    name: field.name,
    type: field.type,
    alias: field.alias ?? field.name,
    sqlType: SQL_TYPES[field.type] ?? "sqlTypeOther",
  } as FieldJson;
  if (field.length !== undefined) out.length = field.length;
  out.domain = field.domain ?? null;
  out.defaultValue = field.defaultValue ?? null;
  return out;
}
