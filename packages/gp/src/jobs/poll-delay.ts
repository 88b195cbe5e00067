import { ValidationError } from "@arcrest/core";

/** The first delay between status reads when none is given, in ms. */
export const DEFAULT_POLL_INTERVAL = 1_000;
/** The longest delay between status reads the backoff grows to, in ms. */
export const MAX_POLL_INTERVAL = 10_000;
/** Each delay is this many times the one before, up to {@link MAX_POLL_INTERVAL}. */
const GROWTH = 1.5;

/**
 * The `pollInterval` option checked: a finite number of milliseconds ≥ 0.
 *
 * @throws ValidationError (`pollInterval`)
 */
export function checkPollInterval(pollInterval: number | undefined): number {
  if (pollInterval === undefined) return DEFAULT_POLL_INTERVAL;
  if (typeof pollInterval !== "number" || !Number.isFinite(pollInterval) || pollInterval < 0) {
    throw new ValidationError("pollInterval", `give a number of milliseconds ≥ 0, got ${String(pollInterval)}`);
  }
  return pollInterval;
}

/**
 * The delay before status read number `poll + 1`: `pollInterval` first, then growing by half each
 * time up to 10 s (or up to `pollInterval` itself when that is longer).
 */
export function pollDelay(pollInterval: number, poll: number): number {
  return Math.min(Math.max(MAX_POLL_INTERVAL, pollInterval), pollInterval * GROWTH ** poll);
}
