import { oidRangeWhere } from "../params/where.js";
import { shrinkPageSize, sortByOid, type PageTask, type PagingContext } from "./types.js";

/** How an id batch is asked for. */
export type IdBatchMode = "range" | "list";

/**
 * Pages over a sorted list of object ids (from `returnIdsOnly`), `pageSize` ids
 * at a time. Each batch is asked for as the range between its first and last
 * id (`OID >= a AND OID <= b`, ANDed with the user's filter): the ids came from
 * the same filter, so the range selects exactly the batch, in a short URL, as an
 * index range scan. With `list` mode (the user gave `objectIds`) the batch is
 * sent as `objectIds`. Works on every server, with or without pagination.
 */
export function* idBatchTasks<F>(
  ctx: PagingContext<F>,
  ids: ArrayLike<number>,
  mode: IdBatchMode,
): Generator<PageTask<F>> {
  let i = 0;
  while (i < ids.length) {
    const n = Math.min(ctx.state.pageSize, ids.length - i);
    const batch = Array.from({ length: n }, (_, k) => ids[i + k]);
    yield (signal) => fetchIdBatch(ctx, batch, mode, signal);
    i += n;
  }
}

/**
 * Fetches one batch of ids. Since the expected ids are known, anything missing
 * after a short answer (whether or not the server flagged it) is asked for again
 * by `objectIds`, in chunks no larger than the server proved to serve.
 */
export async function fetchIdBatch<F>(
  ctx: PagingContext<F>,
  batch: readonly number[],
  mode: IdBatchMode,
  signal: AbortSignal,
): Promise<F[]> {
  const slice =
    mode === "range" ? { where: oidRangeWhere(ctx.oidField, batch[0], batch[batch.length - 1]) } : { objectIds: batch };
  const first = await ctx.fetch({ ...slice, ...(ctx.oidOrder ? { orderByFields: ctx.oidOrder } : {}) }, signal);
  let out = first.features;
  if (out.length >= batch.length) return sortByOid(out, ctx.oidOf);
  // Shrink only when the server says it stopped early: a short answer can also mean deleted rows.
  if (first.exceededTransferLimit) shrinkPageSize(ctx.state, out.length);
  const seen = new Set(out.map(ctx.oidOf));
  let missing = batch.filter((id) => !seen.has(id));
  while (missing.length > 0) {
    const chunk = missing.slice(0, ctx.state.pageSize);
    const page = await ctx.fetch({ objectIds: chunk, ...(ctx.oidOrder ? { orderByFields: ctx.oidOrder } : {}) }, signal);
    const fresh = page.features.filter((f) => !seen.has(ctx.oidOf(f)));
    if (fresh.length === 0) break; // gone since the ids were read: the count check reports it
    if (page.exceededTransferLimit) shrinkPageSize(ctx.state, fresh.length);
    for (const f of fresh) seen.add(ctx.oidOf(f));
    out = out.concat(fresh);
    missing = missing.filter((id) => !seen.has(id));
  }
  return sortByOid(out, ctx.oidOf);
}
