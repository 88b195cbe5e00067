import { DEFAULT_MAX_RESPONSE_BYTES } from "./read-response.js";
import { DEFAULT_RETRY_POLICY } from "./retry-policy.js";
import { limiterOf, type Semaphore } from "./semaphore.js";
import type { PipelineSession } from "./token-source.js";

/** Requests in flight at once per origin, unless a session says otherwise. @internal */
export const DEFAULT_CONCURRENCY = 6;
/** Per-attempt timeout in ms, unless a session says otherwise. @internal */
export const DEFAULT_TIMEOUT_MS = 60_000;

let current: PipelineSession | undefined;

// The settings of `new Session()` without its tokens: enough for a call made before any default Session exists,
// so such a call does not load the Session class and sign-in.
function bareSession(): PipelineSession {
  const limiters = new Map<string, Semaphore>();
  return {
    referer: undefined,
    retry: DEFAULT_RETRY_POLICY,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    tokenPlacement: "body",
    fetch: undefined,
    proxyFor: () => undefined,
    limiter: (origin) => limiterOf(limiters, origin, DEFAULT_CONCURRENCY),
    resolveToken: async () => undefined,
    refreshToken: async () => undefined,
    hasTokenProvider: () => false,
    tokenFor: () => undefined,
  };
}

/**
 * What a call given no session goes through: the default `Session` once one was created or set
 * (`getDefaultSession`/`setDefaultSession` register it here), else a session-less stand-in with the same defaults.
 * @internal
 */
export function defaultTransport(): PipelineSession {
  current ??= bareSession();
  return current;
}

/** Makes `session` what calls without a session go through. @internal */
export function setDefaultTransport(session: PipelineSession): void {
  current = session;
}
