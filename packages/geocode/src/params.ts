import { request, ValidationError, type CallOptions, type ParamValue } from "@arcrest/core";
import type { AddressInput, Candidate, PointInput } from "./types.js";

/** `<locator>/<operation>`, the URL's query string and trailing slash dropped. */
export function operationUrl(url: string, operation: string): string {
  return `${url.replace(/[?#].*$/, "").replace(/\/+$/, "")}/${operation}`;
}

/** Sends a read (retried on transient failures by the pipeline). */
export function send<T>(url: string, params: Record<string, ParamValue>, options: CallOptions): Promise<T> {
  const { session, signal } = options;
  return request<T>(url, { params, kind: "read", ...(session ? { session } : {}), ...(signal ? { signal } : {}) });
}

/** A point as JSON, checked: NaN or infinite coordinates are a ValidationError. */
export function pointParam(point: PointInput, parameter: string): { x: number; y: number; spatialReference?: unknown } {
  const p = Array.isArray(point) ? { x: point[0] as number, y: point[1] as number } : (point as { x: number; y: number });
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new ValidationError(parameter, "x and y must be finite numbers");
  return p;
}

/** The parameters of one address: the single-line field, or the known address fields given. */
export function addressParams(address: AddressInput, parameter: string, singleLineField = "SingleLine"): Record<string, string> {
  if (typeof address === "string") {
    if (address.trim() === "") throw new ValidationError(parameter, "an address must not be empty");
    return { [singleLineField]: address };
  }
  const entries = Object.entries(address ?? {}).filter(([, v]) => typeof v === "string" && v.trim() !== "");
  if (entries.length === 0) throw new ValidationError(parameter, "an address needs at least one non-empty address field");
  return Object.fromEntries(entries);
}

/** Rejects an object whose fields are none of the locator's. */
export function checkKnownFields(fields: Record<string, string>, known: string[], parameter: string): void {
  if (known.length === 0) return;
  const lower = new Set(known.map((k) => k.toLowerCase()));
  if (!Object.keys(fields).some((k) => lower.has(k.toLowerCase()))) {
    throw new ValidationError(parameter, `none of ${Object.keys(fields).join(", ")} is an address field of the locator (${known.join(", ")})`);
  }
}

interface RawCandidate {
  address?: unknown;
  location?: { x?: unknown; y?: unknown };
  score?: unknown;
  attributes?: Record<string, unknown>;
  extent?: Candidate["extent"];
}

/** A candidate from the wire; undefined when it has no usable location (an unmatched record). */
export function toCandidate(raw: RawCandidate, spatialReference: unknown): Candidate | undefined {
  const x = Number(raw.location?.x);
  const y = Number(raw.location?.y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  const location = spatialReference ? { x, y, spatialReference } : { x, y };
  const candidate: Candidate = { address: String(raw.address ?? ""), location: location as Candidate["location"], score: Number(raw.score ?? 0), attributes: raw.attributes ?? {} };
  if (raw.extent) candidate.extent = raw.extent;
  return candidate;
}
