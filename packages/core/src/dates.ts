import { ValidationError } from "./errors/index.js";

/**
 * ArcGIS sends and accepts dates as milliseconds since the Unix epoch (UTC).
 * These helpers convert at the edges so callers can use `Date`.
 */

/** Converts a `Date`, epoch milliseconds or an ISO 8601 string to epoch milliseconds. */
export function toEpochMs(value: Date | number | string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new ValidationError(`Not a valid date: ${String(value)}`, { parameter: "date", value });
  }
  return ms;
}

/** Converts epoch milliseconds (as ArcGIS sends them) to a `Date`; `null`/`undefined` stay `null`. */
export function fromEpochMs(ms: number | null | undefined): Date | null {
  if (ms === null || ms === undefined) return null;
  return new Date(ms);
}
