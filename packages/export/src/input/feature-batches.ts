import type { ExportFeature } from "../types.js";

/**
 * Key of a method an iterator may have that hands over, at once and without an
 * await, the features it already holds (the rest of the page it is reading).
 * Writers read such sources a page at a time: a `for await` costs a promise and
 * a microtask per feature, which profiles of 200,000-feature exports showed
 * next to the cost of encoding them.
 */
export const TAKE_BUFFERED = Symbol("arcrest.export.takeBuffered");

/** An iterator that may hand over the features it holds (see {@link TAKE_BUFFERED}). */
export type BatchingIterator<T> = (AsyncIterator<T> | Iterator<T>) & { [TAKE_BUFFERED]?: () => readonly T[] };

const NONE: readonly never[] = [];

/** The items `iterator` holds and hands over without an await (none when it cannot). */
export function takeBuffered<T>(iterator: BatchingIterator<T>): readonly T[] {
  const take = iterator[TAKE_BUFFERED];
  return typeof take === "function" ? take.call(iterator) : NONE;
}

/**
 * Reads features a batch at a time where the source allows: `take()` returns
 * what the source holds now (or `undefined`), `next()` the source's next feature
 * alone (or `undefined` at its end), awaited directly by the writer so that a
 * source without pages costs one await per feature, as a `for await` would.
 * `close()` stops a source not read to its end.
 *
 * @example
 * ```ts
 * const batches = new FeatureBatches(prepared.features);
 * try {
 *   for (;;) {
 *     const batch = batches.take() ?? (await batches.next());
 *     if (!batch) break;
 *     write(batch);
 *   }
 * } finally {
 *   await batches.close();
 * }
 * ```
 */
export class FeatureBatches {
  readonly #iterator: BatchingIterator<ExportFeature>;
  #done = false;

  constructor(features: AsyncIterable<ExportFeature>) {
    this.#iterator = features[Symbol.asyncIterator]();
  }

  /** The features the source holds now, or `undefined` when it holds none. */
  take(): readonly ExportFeature[] | undefined {
    if (this.#done) return undefined;
    const held = takeBuffered(this.#iterator);
    return held.length > 0 ? held : undefined;
  }

  /** The source's next feature as a batch of one, or `undefined` at its end. */
  async next(): Promise<readonly ExportFeature[] | undefined> {
    if (this.#done) return undefined;
    const result = await this.#iterator.next();
    if (!result.done) return [result.value];
    this.#done = true;
    return undefined;
  }

  /** Stops the source when it was not read to its end. */
  async close(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    await this.#iterator.return?.();
  }
}

/**
 * The features of a stream of pages, with {@link TAKE_BUFFERED}: a writer takes
 * the rest of the current page at once. Read by one consumer at a time (as writers do).
 */
export function pageFeatures<T>(pages: AsyncIterator<T[]>): AsyncGenerator<T> & { [TAKE_BUFFERED]: () => readonly T[] } {
  let page: readonly T[] = NONE;
  let index = 0;
  let finished = false;
  const end = (): IteratorResult<T> => ({ done: true, value: undefined });
  const pull = async (): Promise<IteratorResult<T>> => {
    while (!finished) {
      if (index < page.length) return { done: false, value: page[index++] as T };
      const next = await pages.next().catch((error: unknown) => {
        finished = true;
        throw error;
      });
      if (next.done) finished = true;
      else {
        page = next.value;
        index = 0;
      }
    }
    return end();
  };
  const close = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    page = NONE;
    await pages.return?.(undefined);
  };
  const iterator: AsyncGenerator<T> & { [TAKE_BUFFERED]: () => readonly T[] } = {
    next() {
      return !finished && index < page.length ? Promise.resolve({ done: false, value: page[index++] as T }) : pull();
    },
    async return(value?: unknown) {
      await close();
      return { done: true, value: value as undefined };
    },
    async throw(error?: unknown) {
      await close();
      throw error;
    },
    [TAKE_BUFFERED]() {
      if (finished || index >= page.length) return NONE;
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
