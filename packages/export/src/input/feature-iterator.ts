import { ExportAbortedError } from "../errors.js";
import type { ExportFeature, FeatureIterable } from "../types.js";
import { TAKE_BUFFERED, takeBuffered, type BatchingIterator } from "./feature-batches.js";

const DONE: IteratorResult<ExportFeature> = { done: true, value: undefined };

/**
 * The features of a source, `head` (already read) first, then the rest of
 * `rest`, stopping with `ExportAbortedError` once `signal` aborts.
 *
 * Written by hand rather than as an `async function*`: a generator awaits
 * every value it yields and each layer of generators adds that per feature,
 * which profiles showed as a tenth of an export's client CPU. Here a buffered
 * feature comes back in an already-resolved result and the source's own
 * `next()` is returned as is, so reading costs one await per feature, the
 * source's. `TAKE_BUFFERED` hands over the rest of the head, then what the
 * source holds, so writers can read a page at a time.
 */
export function featureIterator(
  head: readonly ExportFeature[],
  rest: BatchingIterator<ExportFeature> | undefined,
  signal?: AbortSignal,
): AsyncGenerator<ExportFeature> & { [TAKE_BUFFERED]: () => readonly ExportFeature[] } {
  let index = 0;
  let finished = false;
  const aborted = (): Promise<never> => {
    finished = true;
    return Promise.reject(new ExportAbortedError(signal?.reason));
  };
  const iterator: AsyncGenerator<ExportFeature> & { [TAKE_BUFFERED]: () => readonly ExportFeature[] } = {
    next(): Promise<IteratorResult<ExportFeature>> {
      if (finished) return Promise.resolve(DONE);
      if (signal?.aborted) return aborted();
      if (index < head.length) return Promise.resolve({ done: false, value: head[index++] });
      if (!rest) {
        finished = true;
        return Promise.resolve(DONE);
      }
      const next = rest.next();
      return next instanceof Promise ? next : Promise.resolve(next);
    },
    async return(value?: unknown): Promise<IteratorResult<ExportFeature>> {
      finished = true;
      await rest?.return?.();
      return { done: true, value: value as undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<ExportFeature>> {
      finished = true;
      await rest?.return?.();
      throw error;
    },
    [TAKE_BUFFERED](): readonly ExportFeature[] {
      // An abort is reported by the next `next()`.
      if (finished || signal?.aborted) return [];
      if (index < head.length) {
        const held = index === 0 ? head : head.slice(index);
        index = head.length;
        return held;
      }
      return rest ? takeBuffered(rest) : [];
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** An iterator over any feature iterable (sync or async). */
export function iteratorOf(features: FeatureIterable): AsyncIterator<ExportFeature> | Iterator<ExportFeature> {
  return Symbol.asyncIterator in features ? features[Symbol.asyncIterator]() : features[Symbol.iterator]();
}
