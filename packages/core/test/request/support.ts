/** Shared helpers of the request and auth integration tests. */
import type { SampleServer } from "@arcrest/sample-server";
import { Session, type SessionOptions } from "../../src/index.js";

/** One request as the sample server recorded it. */
export type RecordedRequest = SampleServer["requests"][number];

/** A session with tiny retry delays, so retry tests stay fast. */
export function fastSession(options: SessionOptions = {}): Session {
  return new Session({ ...options, retry: { baseDelayMs: 5, maxDelayMs: 20, ...options.retry } });
}

/** Where a token could hide in a recorded request: URL query, body fields or headers. */
export function tokenPlaces(request: RecordedRequest, token: string): string[] {
  const places: string[] = [];
  if (request.path.includes(token)) places.push("path");
  for (const [k, v] of Object.entries(request.query)) if (v.includes(token)) places.push(`query.${k}`);
  for (const [k, v] of Object.entries(request.body)) if (v.includes(token)) places.push(`body.${k}`);
  for (const [k, v] of Object.entries(request.headers)) if (v.includes(token)) places.push(`headers.${k}`);
  return places;
}

/** Requests other than CORS preflights. */
export function real(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method !== "OPTIONS");
}

export { startResourceProxy as startProxy, type ProxiedRequest } from "@arcrest/sample-server";
