/**
 * The `time` parameter ("t1,t2" or "t" in epoch ms, "null" for an open end) on layers that
 * declare time fields (`timeInfo: { startTimeField, endTimeField? }`); any other layer ignores `time`.
 */
import type { SampleLayer } from "../data/types.js";
import { invalidParameter } from "./errors.js";
import { fieldIndexOf } from "./fields.js";
import type { QueryParams } from "./params.js";
import type { Predicate } from "./where/index.js";

/** Time fields of a layer, as ArcGIS layer info describes them. */
export interface LayerTimeInfo {
  startTimeField: string;
  endTimeField?: string | null;
}

function timeInfoOf(layer: SampleLayer): LayerTimeInfo | undefined {
  const info: unknown = layer.timeInfo;
  if (!info || typeof info !== "object") return undefined;
  const start = (info as { startTimeField?: unknown }).startTimeField;
  if (typeof start !== "string" || start === "") return undefined;
  const end = (info as { endTimeField?: unknown }).endTimeField;
  return { startTimeField: start, endTimeField: typeof end === "string" && end !== "" ? end : null };
}

function instant(text: string): number {
  if (text.toLowerCase() === "null") return NaN;
  const n = Number(text);
  if (!Number.isFinite(n)) throw invalidParameter("time", `'${text}' is not epoch milliseconds`);
  return n;
}

/** A predicate for the `time` parameter, or null when there is none or the layer has no time fields. */
export function timePredicate(layer: SampleLayer, params: QueryParams): Predicate | null {
  const text = params.text("time");
  const info = timeInfoOf(layer);
  if (text === undefined || !info) return null;
  const parts = text.split(",").map((s) => s.trim());
  if (parts.length > 2) throw invalidParameter("time", "expected 't' or 't1,t2'");
  const from = instant(parts[0]);
  const to = parts.length === 2 ? instant(parts[1]) : from;
  const lo = Number.isNaN(from) ? -Infinity : from;
  const hi = Number.isNaN(to) ? Infinity : to;
  const fields = fieldIndexOf(layer);
  const startKey = fields.find(info.startTimeField)?.name ?? info.startTimeField;
  const endKey = info.endTimeField ? (fields.find(info.endTimeField)?.name ?? info.endTimeField) : startKey;
  return (row) => {
    const start = row[startKey];
    const end = row[endKey] ?? start;
    if (typeof start !== "number" || typeof end !== "number") return false;
    // The feature's [start, end] overlaps the requested [lo, hi].
    return start <= hi && end >= lo;
  };
}
