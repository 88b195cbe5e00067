import { ValidationError } from "../errors/validation-error.js";
import type { ParamValue } from "./types.js";

/** A serialised parameter: text, or a binary part for multipart uploads. */
export type SerializedValue = string | Blob;

/** Parameters after serialisation, in insertion order. */
export interface SerializedParams {
  /** Name/value pairs, null and undefined values dropped. */
  entries: Array<[string, SerializedValue]>;
  /** Whether a value is binary, which forces multipart/form-data. */
  hasBinary: boolean;
}

// Dates nested in JSON go to ArcGIS as epoch milliseconds, not ISO strings.
function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() : value;
}

/** JSON text as ArcGIS expects it (dates as epoch ms). @internal */
export function toArcGISJson(value: unknown): string {
  return JSON.stringify(value, jsonReplacer);
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return (
    (typeof Blob !== "undefined" && value instanceof Blob) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  );
}

function toBlob(value: Blob | ArrayBuffer | ArrayBufferView): Blob {
  if (value instanceof Blob) return value;
  if (value instanceof ArrayBuffer) return new Blob([value]);
  return new Blob([new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice()]);
}

function isPrimitiveList(value: readonly unknown[]): value is ReadonlyArray<string | number | boolean | bigint | Date> {
  return value.every(
    (v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || v instanceof Date,
  );
}

/**
 * Serialises one parameter value the way the ArcGIS REST API reads it:
 * objects (and arrays holding objects) as JSON, arrays of primitives joined with commas,
 * booleans as `true`/`false`, dates as epoch milliseconds, binary data as a Blob part.
 * Returns `undefined` for null/undefined (the parameter is left out).
 * @throws {@link ValidationError} naming the parameter for non-finite numbers, invalid dates, functions and symbols.
 */
export function serializeParam(name: string, value: ParamValue | unknown): SerializedValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" && !Number.isFinite(value)) throw new ValidationError(`params.${name}`, `must be a finite number, got ${value}`);
  if (typeof value === "function" || typeof value === "symbol") {
    throw new ValidationError(`params.${name}`, `cannot send a ${typeof value} as a parameter`);
  }
  // Strings, finite numbers, booleans (`true`/`false`) and bigints as their text.
  if (typeof value !== "object") return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(`params.${name}`, "is an invalid Date");
    return String(value.getTime());
  }
  if (isBinary(value)) return toBlob(value);
  // Each element is checked and formatted like a single value, named `name[i]` in errors.
  if (Array.isArray(value) && isPrimitiveList(value)) return value.map((v, i) => serializeParam(`${name}[${i}]`, v)).join(",");
  return toArcGISJson(value);
}

/**
 * Serialises a parameter object; `f` defaults to `json` when the key is absent
 * (pass `f: null` to send no `f` at all).
 */
export function serializeParams(params: Record<string, ParamValue | unknown> = {}): SerializedParams {
  const entries: Array<[string, SerializedValue]> = [];
  let hasBinary = false;
  const withFormat = "f" in params ? params : { f: "json", ...params };
  for (const [name, value] of Object.entries(withFormat)) {
    const serialized = serializeParam(name, value);
    if (serialized === undefined) continue;
    if (typeof serialized !== "string") hasBinary = true;
    entries.push([name, serialized]);
  }
  return { entries, hasBinary };
}
