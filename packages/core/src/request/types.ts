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
  /** Query/form parameters; `f` defaults to `json`. */
  params?: Record<string, ParamValue>;
  /** Force a method; by default GET while the URL stays short and no token is attached, else POST. */
  httpMethod?: HttpMethod;
  /** `read` requests are retried on network faults, 429 and 5xx; `write` requests never are. Default `read`. */
  kind?: RequestKind;
  /** Per-attempt timeout in ms (default from the session, 60 s). */
  timeout?: number;
  /** Send as multipart/form-data (uploads). Implied when a param is a Blob. */
  multipart?: boolean;
  /** Return the raw `Response` (for binary downloads) instead of parsed JSON. */
  rawResponse?: boolean;
  /** Skip attaching a token even when the session has one for this server. */
  anonymous?: boolean;
  /** Extra headers. */
  headers?: Record<string, string>;
}
