import { ValidationError } from "@arcrest/core";
import { GPTimeoutError } from "../errors/gp-timeout-error.js";

/**
 * One signal for "the caller aborted or the timeout elapsed". Its reason is the caller's
 * reason, or a {@link GPTimeoutError} when the time ran out. Call `dispose()` when done.
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #outer: AbortSignal | undefined;
  readonly #onAbort = (): void => this.#controller.abort(this.#outer?.reason);

  /**
   * @param signal - the caller's signal
   * @param timeout - milliseconds, or undefined for none
   * @param jobId - the job the timeout error names
   */
  constructor(signal: AbortSignal | undefined, timeout: number | undefined, jobId: string | undefined) {
    this.#outer = signal;
    if (signal?.aborted) this.#controller.abort(signal.reason);
    else signal?.addEventListener("abort", this.#onAbort, { once: true });
    if (timeout !== undefined && !this.#controller.signal.aborted) {
      this.#timer = setTimeout(() => this.#controller.abort(new GPTimeoutError(jobId, timeout)), timeout);
    }
  }

  /** Aborts when the caller aborts or the time runs out. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Stops the timer and the listener. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#outer?.removeEventListener("abort", this.#onAbort);
  }
}

/**
 * A `timeout` option checked: undefined, or a positive finite number of milliseconds.
 *
 * @throws ValidationError (`timeout`)
 */
export function checkTimeout(timeout: number | undefined): number | undefined {
  if (timeout === undefined) return undefined;
  if (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0) {
    throw new ValidationError("timeout", `give a positive number of milliseconds, got ${String(timeout)}`);
  }
  return timeout;
}
