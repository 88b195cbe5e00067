import { shrinkPageSize, type PageTask, type PagingContext } from "./types.js";

/**
 * `resultOffset`/`resultRecordCount` pages over `[start, total)`, ordered by
 * `orderByFields` (the object id, or the user's order with the object id as a
 * tie-breaker, so that no row can be skipped or repeated between pages).
 * Offsets are planned lazily from the shared page size, so once the server is
 * seen to serve less than it advertises, later pages ask for what it serves.
 */
export function* offsetPageTasks<F>(
  ctx: PagingContext<F>,
  start: number,
  total: number,
  orderByFields: string | undefined,
): Generator<PageTask<F>> {
  let offset = start;
  while (offset < total) {
    const from = offset;
    const size = Math.min(ctx.state.pageSize, total - offset);
    yield (signal) => fetchOffsetPage(ctx, from, size, orderByFields, signal);
    offset += size;
  }
}

/**
 * Fetches `size` rows from offset `from`. A page that comes back short (with or
 * without `exceededTransferLimit`, since the count says more rows exist) shrinks
 * the page size, and the gap is fetched with the offset advanced by what was
 * actually returned. An empty answer ends the page: the rows are gone, and the
 * final count check reports it.
 */
export async function fetchOffsetPage<F>(
  ctx: PagingContext<F>,
  from: number,
  size: number,
  orderByFields: string | undefined,
  signal: AbortSignal,
): Promise<F[]> {
  let out: F[] = [];
  while (out.length < size) {
    const want = size - out.length;
    const page = await ctx.fetch(
      { resultOffset: from + out.length, resultRecordCount: want, ...(orderByFields ? { orderByFields } : {}) },
      signal,
    );
    const got = page.features.length > want ? page.features.slice(0, want) : page.features;
    if (got.length === 0) break;
    if (got.length < want) shrinkPageSize(ctx.state, got.length);
    out = out.length === 0 ? got : out.concat(got);
  }
  return out;
}

/** Why a second-page probe rejected offset paging. */
export type OffsetProbeVerdict = "ok" | "offset-ignored" | "order-ignored";

/**
 * Checks that the server really pages by offset in object id order: the first
 * page must be ascending by id, and the second page must start after it. Old
 * servers without pagination ignore `resultOffset` and send the first page again.
 */
export function judgeOffsetProbe<F>(ctx: PagingContext<F>, first: F[], second: F[]): OffsetProbeVerdict {
  const ids = first.map(ctx.oidOf);
  for (let i = 1; i < ids.length; i++) {
    const prev = ids[i - 1];
    const cur = ids[i];
    if (prev === undefined || cur === undefined || prev >= cur) return "order-ignored";
  }
  if (second.length === 0 || first.length === 0) return "ok";
  const last = ids[ids.length - 1] as number;
  const next = ctx.oidOf(second[0]);
  return next !== undefined && next > last ? "ok" : "offset-ignored";
}
