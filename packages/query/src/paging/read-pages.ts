import { ValidationError, type Progress } from "@arcrest/core";
import { IncompleteResultError } from "../errors/incomplete-result-error.js";
import type { PagingStrategyName } from "../types.js";
import { idBatchTasks } from "./id-batch-pager.js";
import { fetchOffsetPage, judgeOffsetProbe, offsetPageTasks } from "./offset-pager.js";
import { orderedWindow } from "./ordered-window.js";
import { planPaging, type PagingCapabilities, type PagingPlan, type QueryFacts } from "./planner.js";
import { rangePageTasks } from "./range-pager.js";
import type { PageTask, PagingContext, SliceFetcher } from "./types.js";

/** The query being paged, as the engine sees it: bound to one URL, filter, field list and format. */
export interface PagingSource<F> {
  /** For error messages. */
  url: string;
  caps: PagingCapabilities;
  /** Sends the user's query plus a paging slice. */
  fetch: SliceFetcher<F>;
  /** Object id of a feature. */
  oidOf: (feature: F) => number | undefined;
  /** COUNT, MIN and MAX of the object id for the user's filter, or `undefined` when statistics are unavailable. */
  stats: (signal?: AbortSignal) => Promise<QueryFacts | undefined>;
  /** `returnCountOnly` for the user's filter. */
  count: (signal?: AbortSignal) => Promise<number>;
  /** `returnIdsOnly` for the user's filter, sorted ascending. */
  ids: (signal?: AbortSignal) => Promise<number[]>;
  /** The user's `orderByFields`, when it sorts by something other than the object id. */
  customOrder?: string;
  /** The user gave `objectIds`. */
  userObjectIds?: boolean;
}

/** Knobs of {@link readPages}. */
export interface ReadPagesOptions {
  strategy?: PagingStrategyName;
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Receives the chosen plan (for logs and tests). */
  onPlan?: (plan: PagingPlan, facts: QueryFacts) => void;
}

/**
 * Default number of pages in flight: the session's default per-origin limit (and a browser's
 * connections per host), so that with network latency the client is not left waiting on round trips.
 */
export const DEFAULT_CONCURRENCY = 6;

/** Appends the object id to a custom order so that rows with equal sort keys keep one order across pages. */
export function withTieBreaker(order: string, oidField: string | undefined): string {
  if (oidField === undefined) return order;
  const fields = order.split(",").map((part) => part.trim().split(/\s+/)[0].toLowerCase());
  return fields.includes(oidField.toLowerCase()) ? order : `${order},${oidField}`;
}

function* fromList<F>(pages: F[][]): Generator<PageTask<F>> {
  for (const page of pages) yield () => Promise.resolve(page);
}

function* chain<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

/** Checked before any request: a window of NaN or 0 pages would read nothing and end in a misleading count error. */
function checkedConcurrency(concurrency: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError("concurrency", `must be a positive integer (pages in flight), got ${String(concurrency)}`);
  }
  return concurrency;
}

/** Counts the query (with min/max ids when ranges may be chosen) and plans its pages. */
async function countAndPlan<F>(source: PagingSource<F>, options: ReadPagesOptions): Promise<{ plan: PagingPlan; facts: QueryFacts }> {
  const strategy = options.strategy ?? "auto";
  // Min/max ids only matter when ranges may be chosen; offsets and id batches need just the count.
  const wantStats = strategy === "auto" || strategy === "range";
  const facts = (wantStats ? await source.stats(options.signal) : undefined) ?? { count: await source.count(options.signal) };
  const plan = planPaging(source.caps, facts, {
    strategy,
    pageSize: options.pageSize,
    customOrder: source.customOrder !== undefined,
    userObjectIds: source.userObjectIds === true,
  });
  options.onPlan?.(plan, facts);
  return { plan, facts };
}

/** The whole result in one request (the plan found it fits one page). */
async function* singlePage<F>(source: PagingSource<F>, total: number, options: ReadPagesOptions): AsyncGenerator<F[]> {
  const page = await source.fetch({}, options.signal ?? new AbortController().signal);
  if (page.features.length > 0) yield page.features;
  options.onProgress?.({ done: page.features.length, total });
  if (page.features.length < total) {
    throw new IncompleteResultError({ url: source.url, expected: total, received: page.features.length, strategy: "single" });
  }
}

/** The page tasks of a paged plan, and the strategy name errors report. */
type Tasks<F> = { tasks: Iterator<PageTask<F>>; strategy: string };

/** Offset pages; the first two are fetched together as a probe, since servers without real pagination ignore resultOffset. */
async function offsetTasks<F>(ctx: PagingContext<F>, source: PagingSource<F>, plan: Extract<PagingPlan, { kind: "offset" }>, total: number, signal?: AbortSignal): Promise<Tasks<F>> {
  const oidField = source.caps.oidField;
  const order = source.customOrder !== undefined ? withTieBreaker(source.customOrder, oidField) : oidField;
  const size = Math.min(plan.pageSize, total);
  if (oidField === undefined || source.customOrder !== undefined || total <= size) {
    return { tasks: offsetPageTasks(ctx, 0, total, order), strategy: plan.kind };
  }
  const probeSignal = signal ?? new AbortController().signal;
  const secondSize = Math.min(size, total - size);
  const [first, second] = await Promise.all([
    fetchOffsetPage(ctx, 0, size, order, probeSignal),
    fetchOffsetPage(ctx, size, secondSize, order, probeSignal),
  ]);
  if (judgeOffsetProbe(ctx, first, second) === "ok") {
    return { tasks: chain(fromList([first, second]), offsetPageTasks(ctx, size + secondSize, total, order)), strategy: plan.kind };
  }
  ctx.state.pageSize = plan.pageSize;
  return { tasks: idBatchTasks(ctx, await source.ids(signal), "range"), strategy: "ids (offsets ignored by the server)" };
}

/** The page tasks of a range, id-batch or offset plan. */
async function pageTasks<F>(source: PagingSource<F>, plan: Exclude<PagingPlan, { kind: "empty" | "single" }>, total: number, signal?: AbortSignal): Promise<Tasks<F>> {
  // Range and id-batch pages are not asked for an order: the client sorts a page by id for next to
  // nothing, while `orderByFields` can cost the server a sort per page (a fifth of the page time on the
  // sample server). Truncated range pages are completed by narrower sub-ranges instead (see fetchRange).
  const ctx: PagingContext<F> = {
    fetch: source.fetch,
    oidOf: source.oidOf,
    oidField: source.caps.oidField ?? "",
    state: { pageSize: plan.pageSize },
  };
  switch (plan.kind) {
    case "range":
      return { tasks: rangePageTasks(ctx, plan.minOid, plan.maxOid), strategy: plan.kind };
    case "ids":
      return { tasks: idBatchTasks(ctx, await source.ids(signal), plan.mode), strategy: plan.kind };
    case "offset":
      return offsetTasks(ctx, source, plan, total, signal);
  }
}

/**
 * Runs the tasks through the ordered concurrency window, drops rows an offset page repeated,
 * reports progress, and at the end compares what arrived with the count.
 */
async function* windowedPages<F>(source: PagingSource<F>, { tasks, strategy }: Tasks<F>, total: number, concurrency: number, options: ReadPagesOptions): AsyncGenerator<F[]> {
  // Pages come in object id order except with a custom order; then ids cannot be checked for repeats cheaply.
  const monotonic = source.caps.oidField !== undefined && source.customOrder === undefined;
  let done = 0;
  let lastOid = -Infinity;
  for await (const page of orderedWindow(tasks, concurrency, options.signal)) {
    let out = page;
    if (monotonic) {
      // Ranges and batches are disjoint; this only drops rows an offset page repeated.
      if (out.length > 0 && (source.oidOf(out[0]) ?? Infinity) <= lastOid) {
        out = out.filter((f) => (source.oidOf(f) ?? Infinity) > lastOid);
      }
      if (out.length > 0) lastOid = source.oidOf(out[out.length - 1]) ?? lastOid;
    }
    done += out.length;
    if (out.length > 0) yield out;
    options.onProgress?.({ done, total });
  }
  if (done < total) throw new IncompleteResultError({ url: source.url, expected: total, received: done, strategy });
}

/**
 * Reads every page of a query: counts it, plans (see {@link planPaging}), runs
 * the pages through an ordered concurrency window, drops duplicates, reports
 * progress, and at the end compares what arrived with the count. Yields pages
 * (arrays of features) in object id order, or in the user's order.
 *
 * @throws {@link IncompleteResultError} when fewer features arrived than counted.
 */
export async function* readPages<F>(source: PagingSource<F>, options: ReadPagesOptions = {}): AsyncGenerator<F[]> {
  const concurrency = checkedConcurrency(options.concurrency ?? DEFAULT_CONCURRENCY);
  const { plan, facts } = await countAndPlan(source, options);
  const total = facts.count;
  options.onProgress?.({ done: 0, total });
  if (plan.kind === "empty") return;
  if (plan.kind === "single") return yield* singlePage(source, total, options);
  yield* windowedPages(source, await pageTasks(source, plan, total, options.signal), total, concurrency, options);
}
