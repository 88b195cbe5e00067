import { TAKE_BUFFERED } from "@arcrest/query/internal";
import type { ExportFeature } from "../types.js";

/**
 * Key of a method an iterator may have that hands over, at once and without an
 * await, the features it already holds (the rest of the page it is reading):
 * `layer.features()` has it. Writers read such sources a page at a time: a
 * `for await` costs a promise and a microtask per feature, which profiles of
 * 200,000-feature exports showed next to the cost of encoding them.
 */
export { TAKE_BUFFERED };

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
