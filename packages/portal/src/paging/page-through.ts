import { ArcGISRequestError, ValidationError, type Progress } from "@arcrest/core";
import type { SearchPage } from "../types.js";

/** Largest page the portal serves. */
export const MAX_PAGE_SIZE = 100;

/** Options of {@link pageThrough}. */
export interface PageThroughOptions {
  /** The listing's URL, for errors. */
  url: string;
  /** Results per request, 1 to 100 (default 100). */
  pageSize?: number;
  /** Called after each page. */
  onProgress?: (progress: Progress) => void;
  /** Stops before the next page. */
  signal?: AbortSignal;
}

/** Checks a page size: an integer from 1 to 100. */
export function checkPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ValidationError("pageSize", `must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(pageSize)}`);
  }
  return pageSize;
}

/**
 * Reads a portal listing page by page (`start`/`num`, following `nextStart` until -1) and yields
 * each result. A page is requested only when the caller asks for more, so breaking out of the
 * loop sends no further request.
 */
export async function* pageThrough<T>(
  fetchPage: (start: number, num: number) => Promise<SearchPage<T>>,
  options: PageThroughOptions,
): AsyncGenerator<T> {
  const num = checkPageSize(options.pageSize);
  let start = 1;
  let done = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await fetchPage(start, num);
    const results = Array.isArray(page.results) ? page.results : [];
    done += results.length;
    options.onProgress?.({ done, total: page.total });
    for (const result of results) yield result;
    const next = page.nextStart;
    if (typeof next !== "number" || next === -1 || results.length === 0) return;
    if (next <= start) {
      throw new ArcGISRequestError({ message: `The portal's paging did not advance (start ${start}, nextStart ${next})`, url: options.url, response: page });
    }
    start = next;
  }
}
