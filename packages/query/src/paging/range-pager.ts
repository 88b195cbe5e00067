import { oidRangeWhere } from "../params/where.js";
import { shrinkPageSize, sortByOid, type PageTask, type PagingContext } from "./types.js";

/**
 * Object-id range pages (`OID >= a AND OID <= b`) between the min and max ids of
 * the query, `pageSize` ids wide. A range that wide can hold at most `pageSize`
 * rows, so no page can exceed the server's limit; each page is an index range
 * scan on the server, as cheap at the end of the layer as at its start (unlike
 * `resultOffset`, which makes a database skip every earlier row). Used when ids
 * are dense enough that few ranges come back nearly empty.
 */
export function* rangePageTasks<F>(ctx: PagingContext<F>, min: number, max: number): Generator<PageTask<F>> {
  let from = min;
  while (from <= max) {
    const a = from;
    const b = Math.min(from + ctx.state.pageSize - 1, max);
    yield (signal) => fetchRange(ctx, a, b, signal);
    from = b + 1;
  }
}

/**
 * Fetches every feature with an object id in `[a, b]`. When the server stops
 * early (`exceededTransferLimit`: it serves fewer rows than it advertises), the
 * page size shrinks to what it served and the gap is fetched: after the last id
 * received when the answer is ordered by id, else as narrower sub-ranges whose
 * answers are merged without duplicates.
 */
export async function fetchRange<F>(ctx: PagingContext<F>, a: number, b: number, signal: AbortSignal): Promise<F[]> {
  const first = await ctx.fetch({ where: oidRangeWhere(ctx.oidField, a, b), ...(ctx.oidOrder ? { orderByFields: ctx.oidOrder } : {}) }, signal);
  if (!first.exceededTransferLimit || first.features.length === 0) return sortByOid(first.features, ctx.oidOf);
  shrinkPageSize(ctx.state, first.features.length);
  const ids = first.features.map(ctx.oidOf);
  const ordered = ctx.oidOrder !== undefined && ids.every((id, i) => id !== undefined && (i === 0 || (ids[i - 1] as number) < id));
  if (ordered) {
    const last = ids[ids.length - 1] as number;
    if (last >= b) return first.features;
    const rest = await fetchRange(ctx, last + 1, b, signal);
    return first.features.concat(rest);
  }
  // Unordered and truncated: cover [a, b] with ranges no wider than what the server serves.
  const seen = new Set(ids);
  const out = first.features.slice();
  const width = Math.max(1, first.features.length);
  for (let from = a; from <= b; from += width) {
    const to = Math.min(from + width - 1, b);
    for (const f of await fetchRange(ctx, from, to, signal)) {
      const id = ctx.oidOf(f);
      if (id === undefined || !seen.has(id)) {
        seen.add(id);
        out.push(f);
      }
    }
  }
  return sortByOid(out, ctx.oidOf);
}
