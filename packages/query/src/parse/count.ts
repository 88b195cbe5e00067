import { isRecord, unexpectedResponse } from "./response-error.js";

/** Parses a `returnCountOnly=true` answer (`{ "count": 3120 }`). */
export function parseCount(json: unknown, url: string): number {
  const count = isRecord(json) ? json.count : undefined;
  const n = typeof count === "string" ? Number(count) : count;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw unexpectedResponse(url, "a count ({ count: n })", json);
  return Math.round(n);
}
