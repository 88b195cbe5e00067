import type { RetryPolicy } from "./retry-policy.js";
import type { Semaphore } from "./semaphore.js";

/**
 * All the pipeline sees of authentication (as arcgis-rest-js's `request` sees only `getToken(url)`):
 * a token for the server of a URL, and one renewal after the server rejected it. `Session` implements it.
 * @internal
 */
export interface TokenSource {
  /** A valid token for the server of `url` (with the referer it is bound to), or `undefined`. */
  resolveToken(url: string, options?: { signal?: AbortSignal }): Promise<{ value: string; referer?: string | undefined } | undefined>;
  /** A new token after `stale` was rejected (498/499), or `undefined` when none can be had. */
  refreshToken(url: string, options?: { signal?: AbortSignal; stale?: string | undefined }): Promise<string | undefined>;
  /** Whether a new token can be had for the server of `url`. */
  hasTokenProvider(url: string): boolean;
  /** The stored token for the server of `url`, possibly expired (for error messages). */
  tokenFor(url: string): { expires: Date } | undefined;
}

/** A token source plus the transport settings the pipeline applies. `Session` implements it. @internal */
export interface PipelineSession extends TokenSource {
  readonly referer: string | undefined;
  readonly retry: Readonly<RetryPolicy>;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly tokenPlacement: "body" | "header";
  readonly fetch: typeof fetch | undefined;
  proxyFor(url: string): string | undefined;
  limiter(origin: string): Semaphore;
}
