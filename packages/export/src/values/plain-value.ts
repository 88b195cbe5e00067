import type { Column } from "./columns.js";
import { isoText, isoDateTime } from "./dates.js";

/** A value as JSON, CSV and KML write it. */
export type PlainValue = string | number | boolean | null;

/**
 * The value of `column` in `attributes` as text-format writers need it: dates
 * as ISO 8601 strings, 64-bit integers beyond 2^53 as strings, `undefined` as `null`.
 */
export function plainValue(column: Column, attributes: Record<string, unknown> | null | undefined): PlainValue {
  const value = attributes?.[column.name];
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "date":
    case "dateonly":
    case "timeonly":
    case "timestamp":
      return isoText(column.kind, value) ?? null;
    case "integer":
    case "double": {
      if (typeof value === "number") return Number.isFinite(value) ? value : null;
      if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
      if (typeof value === "boolean") return value ? 1 : 0;
      return null;
    }
    case "boolean":
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      return /^(t|true|y|yes|1)$/i.test(String(value).trim());
    default:
      if (value instanceof Date) return isoDateTime(value.getTime());
      if (typeof value === "object") return JSON.stringify(value);
      return String(value);
  }
}
