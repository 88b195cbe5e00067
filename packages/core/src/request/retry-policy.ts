/**
 * How read requests are retried after network faults, 429 and 500/502/503/504.
 * Write requests are never retried.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so `limit + 1` attempts at most). Default 3. */
  limit: number;
  /** Backoff before the first retry, doubled for each further retry. Default 300 ms. */
  baseDelayMs: number;
  /** Cap on a backoff delay (before jitter is applied). Default 10 000 ms. */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured; a server asking for more fails the request instead. Default 60 000 ms. */
  maxRetryAfterMs: number;
  /** HTTP statuses that are retried. Default 429, 500, 502, 503, 504. */
  statusCodes: readonly number[];
  /** Whether a timed-out attempt is retried. Default false (a slow server stays slow). */
  retryOnTimeout: boolean;
}

/** The defaults every {@link RetryPolicy} field falls back to. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  limit: 3,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  statusCodes: Object.freeze([429, 500, 502, 503, 504]),
  retryOnTimeout: false,
});

/**
 * Backoff before retry number `retry` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many clients do not retry in lockstep.
 * @param random - source of randomness in [0, 1), replaceable in tests
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Parses a `Retry-After` header: delay seconds or an HTTP date. Returns milliseconds
 * (never negative), or `undefined` when absent or unparseable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const trimmed = header.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
