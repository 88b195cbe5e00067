/**
 * Checks and converts one attribute value for a field, the way a geodatabase does on insert:
 * numbers into numeric fields, epoch milliseconds into dates, strings within the field length.
 */
import type { SampleField } from "../data/types.js";
import { canonicalGuid } from "./global-id.js";
import { EditCode, EditError } from "./edit-error.js";

/** A value as stored in a sample feature. */
export type StoredValue = string | number | boolean | null;

const INTEGER_RANGES: Record<string, [number, number, string]> = {
  esriFieldTypeSmallInteger: [-32768, 32767, "smallint"],
  esriFieldTypeInteger: [-2147483648, 2147483647, "int"],
  esriFieldTypeBigInteger: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "bigint"],
};

function describe(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

function conversionError(value: unknown, field: SampleField, sqlType: string): EditError {
  return new EditError(
    EditCode.content,
    `Conversion failed when converting the value ${describe(value)} to data type ${sqlType} (field '${field.name}').`,
  );
}

function toNumber(value: unknown, field: SampleField, sqlType: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw conversionError(value, field, sqlType);
}

/**
 * The value to store for `value` in `field`, or an {@link EditError} with the code a feature
 * service reports (1000 for conversions and truncation, 1001 for a null in a non-nullable field).
 */
export function coerceValue(field: SampleField, value: unknown): StoredValue {
  if (value === null || value === undefined) {
    if (field.nullable === false) {
      throw new EditError(EditCode.notNullable, `Field: ${field.name} is not nullable. Cannot set null value.`);
    }
    return null;
  }
  const integer = INTEGER_RANGES[field.type];
  if (integer) {
    const [min, max, sqlType] = integer;
    const n = Math.round(toNumber(value, field, sqlType));
    if (n < min || n > max) {
      throw new EditError(EditCode.content, `Arithmetic overflow error converting ${describe(value)} to data type ${sqlType} (field '${field.name}').`);
    }
    return n;
  }
  switch (field.type) {
    case "esriFieldTypeSingle":
    case "esriFieldTypeDouble":
      return toNumber(value, field, field.type === "esriFieldTypeSingle" ? "real" : "float");
    case "esriFieldTypeDate": {
      // Feature services take dates as epoch milliseconds.
      if (typeof value === "number" && Number.isFinite(value)) return Math.round(value);
      throw new EditError(
        EditCode.content,
        `Conversion failed when converting date and/or time from ${describe(value)} (field '${field.name}' expects epoch milliseconds).`,
      );
    }
    case "esriFieldTypeString":
    case "esriFieldTypeXML": {
      if (typeof value === "object") throw conversionError(value, field, "nvarchar");
      const text = String(value);
      if (field.length !== undefined && field.length > 0 && text.length > field.length) {
        throw new EditError(
          EditCode.content,
          `String or binary data would be truncated. Field '${field.name}' allows ${field.length} characters, the value has ${text.length}.`,
        );
      }
      return text;
    }
    case "esriFieldTypeGUID":
    case "esriFieldTypeGlobalID": {
      const guid = canonicalGuid(value);
      if (!guid) throw conversionError(value, field, "uniqueidentifier");
      return guid;
    }
    case "esriFieldTypeDateOnly":
    case "esriFieldTypeTimeOnly":
    case "esriFieldTypeTimestampOffset":
      if (typeof value === "string") return value;
      throw conversionError(value, field, field.type.replace("esriFieldType", "").toLowerCase());
    default:
      if (typeof value === "object") throw conversionError(value, field, field.type);
      return value as StoredValue;
  }
}
