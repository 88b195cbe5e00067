import { ExportAbortedError } from "../errors.js";
import type { ExportFeature, FeatureIterable } from "../types.js";

/** Throws `ExportAbortedError` if `signal` has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportAbortedError(signal.reason);
}

/** Iterates any feature iterable as an async one, stopping with `ExportAbortedError` once `signal` aborts. */
export async function* abortable(features: FeatureIterable, signal?: AbortSignal): AsyncGenerator<ExportFeature> {
  throwIfAborted(signal);
  for await (const feature of features) {
    throwIfAborted(signal);
    yield feature;
  }
}
