import { ArcGISRequestError, ValidationError } from "@arcrest/core";
import type { LocatorInfo } from "../types.js";

/** Checks `batchSize` and `concurrency` and picks the batch size to use. */
export function batchPlan(info: LocatorInfo, batchSize: number | undefined, concurrency: number | undefined): { size: number; concurrency: number } {
  const max = info.maxBatchSize ?? 1;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0 && batchSize <= max)) {
    throw new ValidationError("batchSize", `must be an integer from 1 to the locator's MaxBatchSize ${max}, got ${String(batchSize)}`);
  }
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new ValidationError("concurrency", `must be a positive integer, got ${String(concurrency)}`);
  }
  return { size: batchSize ?? Math.min(info.suggestedBatchSize ?? max, max), concurrency: concurrency ?? 2 };
}

/** Splits `0..total-1` into runs of at most `size`. */
export function chunks(total: number, size: number): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < total; start += size) {
    out.push(Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i));
  }
  return out;
}

/** The error of a record a server left out of its answer, even when asked alone. */
export function missingRecordError(url: string, index: number): ArcGISRequestError {
  return new ArcGISRequestError({ message: `the locator returned no result for record ${index}, also when asked for it alone`, url });
}

/** Whether an error says the locator does not support geocodeAddresses. */
export function isUnsupported(error: unknown): boolean {
  if (!(error instanceof ArcGISRequestError)) return false;
  return /not supported|unsupported|not enabled/i.test([error.message, ...error.details].join(" "));
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight. After a rejection, or once
 * `signal` is aborted, no more items start; the first rejection (or the abort reason) rejects.
 */
export async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      signal?.throwIfAborted();
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  signal?.throwIfAborted();
}
