/**
 * Key of a method an items iterator may have that hands over, at once and without an await, the
 * items it already holds (the rest of the page it is reading). `@arcrest/export`'s writers read
 * such iterators a page at a time instead of paying a promise and a microtask per feature.
 * A registered symbol, so that two copies of the package still agree on it.
 */
export const TAKE_BUFFERED: unique symbol = Symbol.for("@arcrest/take-buffered");

/** An items iterator that can hand over what it holds (see {@link TAKE_BUFFERED}). */
export type BufferedIterator<T> = AsyncGenerator<T> & { [TAKE_BUFFERED]: () => readonly T[] };

const NONE: readonly never[] = [];

/**
 * Turns an async generator of pages (arrays) into an async generator of their items.
 *
 * Written by hand rather than as `async function*` because an async generator awaits every value
 * it yields: for a feature that means a `then` lookup on an object parsed from JSON, which costs
 * about a tenth of a whole extraction's client CPU in the benchmark.
 * Here an item already in hand is returned in an already-resolved result, and only moving to the
 * next page awaits anything.
 *
 * It behaves as the equivalent generator would: calls are served in order, an error or the end
 * finishes it, `return()` and `throw()` close the page source (which stops its requests), and
 * `signal` is checked before every item so that an abort stops at once, not at the end of a page.
 * {@link TAKE_BUFFERED} hands over the rest of the current page when no call is waiting.
 */
export function flattenPages<T>(pages: AsyncGenerator<T[]>, signal?: AbortSignal): BufferedIterator<T> {
  let page: readonly T[] = [];
  let index = 0;
  let finished = false;
  // Calls that must wait (for a page, or for `return`) are chained so that they settle in call order.
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  const end = (): IteratorResult<T> => ({ done: true, value: undefined });

  const close = async (): Promise<void> => {
    finished = true;
    page = [];
    await pages.return(undefined);
  };

  const pull = async (): Promise<IteratorResult<T>> => {
    for (;;) {
      if (finished) return end();
      if (index < page.length) {
        if (signal?.aborted) {
          await close();
          throw signal.reason;
        }
        return { done: false, value: page[index++] };
      }
      // A failing page source is finished too, as a generator would be.
      const next = await pages.next().catch((error: unknown) => {
        finished = true;
        throw error;
      });
      if (next.done) {
        finished = true;
        return end();
      }
      page = next.value;
      index = 0;
    }
  };

  const enqueue = <R>(step: () => Promise<R>): Promise<R> => {
    waiting++;
    const result = queue.then(step).finally(() => {
      waiting--;
    });
    queue = result.catch(() => undefined);
    return result;
  };

  const iterator: BufferedIterator<T> = {
    next(): Promise<IteratorResult<T>> {
      // The common case: the current page still has items and nobody is waiting ahead of us.
      if (waiting === 0 && !finished && index < page.length && !signal?.aborted) {
        return Promise.resolve({ done: false, value: page[index++] });
      }
      return enqueue(pull);
    },
    return(value?: unknown): Promise<IteratorResult<T>> {
      return enqueue(async () => {
        if (!finished) await close();
        return { done: true, value: value as undefined };
      });
    },
    throw(error?: unknown): Promise<IteratorResult<T>> {
      return enqueue(async () => {
        if (!finished) await close();
        throw error;
      });
    },
    [TAKE_BUFFERED](): readonly T[] {
      if (waiting > 0 || finished || index >= page.length || signal?.aborted) return NONE;
      const held = index === 0 ? page : page.slice(index);
      index = page.length;
      return held;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
