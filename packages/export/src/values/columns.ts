import type { Field } from "@arcrest/core";
import type { ExportFeature, WarningHandler } from "../types.js";

/**
 * What kind of values a column holds, independent of any file format.
 * Writers map these to their own types (DBF N/C/D/L, JSON numbers, ...).
 */
export type ColumnKind =
  | "integer"
  | "double"
  | "string"
  | "date"
  | "dateonly"
  | "timeonly"
  | "timestamp"
  | "boolean"
  | "guid";

/** A column to write: a field that has values a file can hold. */
export interface Column {
  /** Field name, as in the attributes. */
  name: string;
  /** Value kind. */
  kind: ColumnKind;
  /** For integers: 16, 32 or 64 bits (OID is 32). */
  bits?: 16 | 32 | 64;
  /** For doubles: 32 for single precision, 64 for double. */
  precision?: 32 | 64;
  /** For strings: maximum length in characters as the layer declares it. */
  length?: number;
  /** Field alias, if any. */
  alias?: string;
}

const SKIPPED_TYPES = new Set(["esriFieldTypeGeometry", "esriFieldTypeBlob", "esriFieldTypeRaster"]);

/** The column for one field, or `undefined` for fields that hold no writable values (geometry, blobs, rasters). */
export function columnForField(field: Field): Column | undefined {
  const base = { name: field.name, ...(field.alias ? { alias: field.alias } : {}) };
  switch (field.type) {
    case "esriFieldTypeOID":
    case "esriFieldTypeInteger":
      return { ...base, kind: "integer", bits: 32 };
    case "esriFieldTypeSmallInteger":
      return { ...base, kind: "integer", bits: 16 };
    case "esriFieldTypeBigInteger":
      return { ...base, kind: "integer", bits: 64 };
    case "esriFieldTypeSingle":
      return { ...base, kind: "double", precision: 32 };
    case "esriFieldTypeDouble":
      return { ...base, kind: "double", precision: 64 };
    case "esriFieldTypeDate":
      return { ...base, kind: "date" };
    case "esriFieldTypeDateOnly":
      return { ...base, kind: "dateonly" };
    case "esriFieldTypeTimeOnly":
      return { ...base, kind: "timeonly" };
    case "esriFieldTypeTimestampOffset":
      return { ...base, kind: "timestamp" };
    case "esriFieldTypeGUID":
    case "esriFieldTypeGlobalID":
      return { ...base, kind: "guid" };
    case "esriFieldTypeString":
    case "esriFieldTypeXML":
      return { ...base, kind: "string", ...(field.length && field.length > 0 ? { length: field.length } : {}) };
    default:
      if (SKIPPED_TYPES.has(field.type)) return undefined;
      // Not an ArcGIS type (e.g. a caller's "boolean"): decided from the values.
      return undefined;
  }
}

/**
 * Columns for the given fields. Fields with types this module does not know are
 * typed from their values in `sample`; geometry, blob and raster fields are skipped
 * (reported through `onWarning`).
 */
export function columnsForFields(fields: Field[], sample: ExportFeature[], onWarning?: WarningHandler): Column[] {
  const columns: Column[] = [];
  for (const field of fields) {
    const column = columnForField(field);
    if (column) {
      columns.push(column);
    } else if (SKIPPED_TYPES.has(field.type)) {
      if (field.type !== "esriFieldTypeGeometry") {
        onWarning?.({ code: "field-skipped", message: `Field ${field.name} (${field.type}) has no file representation`, field: field.name });
      }
    } else {
      columns.push(inferColumn(field.name, sample, field.alias));
    }
  }
  return columns;
}

/** Infers columns from the attributes of `sample` (keys in first-seen order). */
export function inferColumns(sample: ExportFeature[]): Column[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const feature of sample) {
    for (const key of Object.keys(feature.attributes ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return names.map((name) => inferColumn(name, sample));
}

const GUID_RE = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

function inferColumn(name: string, sample: ExportFeature[], alias?: string): Column {
  let sawInteger = false;
  let sawDouble = false;
  let sawString = false;
  let sawBoolean = false;
  let sawDate = false;
  let allGuids = true;
  for (const feature of sample) {
    const value = feature.attributes?.[name];
    if (value === null || value === undefined) continue;
    if (typeof value === "number") {
      if (Number.isInteger(value) && Math.abs(value) <= 2147483647) sawInteger = true;
      else sawDouble = true;
    } else if (typeof value === "bigint") {
      sawInteger = true;
    } else if (typeof value === "boolean") {
      sawBoolean = true;
    } else if (value instanceof Date) {
      sawDate = true;
    } else {
      const text = String(value);
      sawString = true;
      if (!GUID_RE.test(text)) allGuids = false;
    }
  }
  const base = { name, ...(alias ? { alias } : {}) };
  const kinds = [sawInteger || sawDouble, sawString, sawBoolean, sawDate].filter(Boolean).length;
  if (kinds !== 1 || sawString) {
    if (sawString && kinds === 1 && allGuids) return { ...base, kind: "guid" };
    return { ...base, kind: "string" };
  }
  if (sawBoolean) return { ...base, kind: "boolean" };
  if (sawDate) return { ...base, kind: "date" };
  if (sawDouble) return { ...base, kind: "double", precision: 64 };
  return { ...base, kind: "integer", bits: sample.some((f) => typeof f.attributes?.[name] === "bigint") ? 64 : 32 };
}
