/** What the query engine hands back to the HTTP layer. */
import { QueryError } from "./errors.js";

/** A query answer: HTTP status, a JSON-serialisable body, and optionally a content type and a delay. */
export interface QueryOutcome {
  /** HTTP status (200 for ArcGIS error bodies too, as ArcGIS Server does). */
  status: number;
  /** The JSON body; the server serialises it (pretty-printed for f=pjson). */
  body: unknown;
  /** Content type when not plain JSON (f=geojson gives application/geo+json). */
  contentType?: string;
  /** Extra time (ms) the server should wait before answering: emulated cost of a deep resultOffset. */
  delayMs?: number;
}

/** Runs `fn`, turning a {@link QueryError} into its ArcGIS error body (HTTP 200). */
export function guard(fn: () => QueryOutcome): QueryOutcome {
  try {
    return fn();
  } catch (error) {
    if (error instanceof QueryError) return { status: 200, body: error.toBody() };
    throw error;
  }
}
