/** A counting semaphore whose waiters can give up through an AbortSignal. */
export class Semaphore {
  #free: number;
  readonly #waiters: Array<() => void> = [];

  /** @param size - permits available at once (at least 1) */
  constructor(size: number) {
    this.#free = Math.max(1, Math.floor(size));
  }

  /** Callers currently waiting for a permit. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /**
   * Waits for a permit. Resolves to the function that gives it back (call it exactly once).
   * Rejects with the signal's reason when aborted while waiting.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const release = this.#releaser();
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener("abort", onAbort);
        resolve(release);
      };
      const onAbort = (): void => {
        const index = this.#waiters.indexOf(grant);
        if (index !== -1) this.#waiters.splice(index, 1);
        reject(signal?.reason);
      };
      this.#waiters.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      // Hand the permit straight to the next waiter; otherwise return it to the pool.
      if (next) next();
      else this.#free++;
    };
  }
}

/** The semaphore of `size` permits kept in `limiters` for `origin`, created on first use. @internal */
export function limiterOf(limiters: Map<string, Semaphore>, origin: string, size: number): Semaphore {
  let semaphore = limiters.get(origin);
  if (!semaphore) {
    semaphore = new Semaphore(size);
    limiters.set(origin, semaphore);
  }
  return semaphore;
}
