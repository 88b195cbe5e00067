import type { Session } from "../auth/session.js";

/** HTTP methods the pipeline uses. */
export type HttpMethod = "GET" | "POST";

/**
 * Whether a request only reads (safe to retry) or changes state (never retried
 * blindly). ArcGIS reads are often POSTs, so this is stated per call rather than
 * guessed from the method.
 */
export type RequestKind = "read" | "write";

/** Values accepted in request parameters; serialised by the pipeline. */
export type ParamValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | Blob
  | ReadonlyArray<string | number>
  | object;

/** Progress of a long operation. */
export interface Progress {
  /** Units done so far (features, edits, bytes ...). */
  done: number;
  /** Expected total when known. */
  total?: number;
  /** A short human message. */
  message?: string;
}

/** Options every server-facing call accepts. */
export interface CallOptions {
  /** The session holding credentials, retry policy and limits; defaults to the global session. */
  session?: Session;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** Options of {@link request}. */
export interface RequestOptions extends CallOptions {
  /**
   * Query/form parameters, serialised ArcGIS-style (objects as JSON, primitive arrays comma-joined,
   * booleans as `true`/`false`, dates as epoch ms, null/undefined left out, binary values as file parts).
   * `f` defaults to `json`; `f: null` sends no `f`. A `token` here is attached like a session token.
   */
  params?: Record<string, ParamValue>;
  /**
   * Force a method; by default GET while the URL stays under 2,000 characters and no token is attached,
   * else POST. A forced GET that carries a token sends it in the `X-Esri-Authorization` header.
   */
  httpMethod?: HttpMethod;
  /**
   * `read` requests are retried on network faults, 429 and 500/502/503/504 (see the session's retry policy);
   * `write` requests never are. Both are renewed-and-retried once after a 498/499, which the server sends
   * before doing anything. Default `read`.
   */
  kind?: RequestKind;
  /** Timeout of each attempt (its redirects and, unless `rawResponse`, its whole body) in ms; default the session's `timeoutMs` (60 s). */
  timeout?: number;
  /** Send as multipart/form-data (uploads). Implied when a param is a Blob. */
  multipart?: boolean;
  /**
   * Return the raw `Response` (for binary downloads) instead of parsed JSON. Non-2xx answers and small
   * JSON error envelopes in place of a non-JSON format still throw. The concurrency slot and the
   * timeout end when the headers arrive; reading the body is up to the caller (the signal still aborts it).
   * Without `rawResponse`, the body must be JSON (`f=json`, `pjson` or `geojson`).
   */
  rawResponse?: boolean;
  /** Skip attaching a token even when the session has one for this server. */
  anonymous?: boolean;
  /** Extra headers. */
  headers?: Record<string, string>;
}
