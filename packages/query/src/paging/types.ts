import type { WindowTask } from "./ordered-window.js";

/**
 * Shared vocabulary of the paging engine. A strategy turns "every feature of
 * this query" into a lazy sequence of page tasks; the window runs a few tasks at
 * once and yields their pages in order.
 */

/** What one page request adds to, or replaces in, the user's query. */
export interface PageSlice {
  /** A paging clause, ANDed with the user's where (never replacing it). */
  where?: string;
  /** `resultOffset`. */
  resultOffset?: number;
  /** `resultRecordCount`. */
  resultRecordCount?: number;
  /** An object id batch; replaces the user's `objectIds` for this request. */
  objectIds?: readonly number[];
  /** `orderByFields` for this request. */
  orderByFields?: string;
}

/** One answer of the server, reduced to what paging needs. */
export interface FetchedPage<F> {
  features: F[];
  /** The server's `exceededTransferLimit` (or GeoJSON `properties.exceededTransferLimit`). */
  exceededTransferLimit: boolean;
}

/** Sends one page request for the user's query plus a slice. */
export type SliceFetcher<F> = (slice: PageSlice, signal: AbortSignal) => Promise<FetchedPage<F>>;

/** Produces one complete page (gaps already filled), sorted as the strategy promises. */
export type PageTask<F> = WindowTask<F[]>;

/** Mutable state shared by the tasks of one read. */
export interface PagingState {
  /**
   * The page size in use. Starts at the requested size and shrinks when the
   * server proves to serve fewer rows per request than it advertises, so that
   * pages planned later are sized right.
   */
  pageSize: number;
}

/** Everything a strategy needs to build its page tasks. */
export interface PagingContext<F> {
  fetch: SliceFetcher<F>;
  /** The object id of a feature (attribute or GeoJSON `id`). */
  oidOf: (feature: F) => number | undefined;
  /** The object id field, in the layer's case. */
  oidField: string;
  /**
   * `orderByFields` sorting by object id, to send with range and id-batch pages. Optional:
   * without it pages are sorted on the client and truncated ranges are completed by sub-ranges.
   */
  oidOrder?: string;
  state: PagingState;
}

/** Lowers the shared page size after a short page (never below 1). */
export function shrinkPageSize(state: PagingState, served: number): void {
  if (served > 0 && served < state.pageSize) state.pageSize = served;
}

/** Sorts features by object id in place when they are not already (cheap check first). */
export function sortByOid<F>(features: F[], oidOf: (f: F) => number | undefined): F[] {
  let sorted = true;
  let previous = -Infinity;
  for (let i = 0; i < features.length; i++) {
    const id = oidOf(features[i]) ?? 0;
    if (id < previous) {
      sorted = false;
      break;
    }
    previous = id;
  }
  if (!sorted) features.sort((a, b) => (oidOf(a) ?? 0) - (oidOf(b) ?? 0));
  return features;
}
