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

/**
 * Reads every page of a query: counts it, plans (see {@link planPaging}), runs
 * the pages through an ordered concurrency window, drops duplicates, reports
 * progress, and at the end compares what arrived with the count. Yields pages
 * (arrays of features) in object id order, or in the user's order.
 *
 * @throws {@link IncompleteResultError} when fewer features arrived than counted.
 */
export async function* readPages<F>(source: PagingSource<F>, options: ReadPagesOptions = {}): AsyncGenerator<F[]> {
  const { signal } = options;
  // Checked before any request: a window of NaN or 0 pages would read nothing and end in a misleading count error.
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError("concurrency", `must be a positive integer (pages in flight), got ${String(concurrency)}`);
  }
  // Min/max ids only matter when ranges may be chosen; offsets and id batches need just the count.
  const strategy0 = options.strategy ?? "auto";
  const wantStats = strategy0 === "auto" || strategy0 === "range";
  const facts = (wantStats ? await source.stats(signal) : undefined) ?? { count: await source.count(signal) };
  const plan = planPaging(source.caps, facts, {
    strategy: strategy0,
    pageSize: options.pageSize,
    customOrder: source.customOrder !== undefined,
    userObjectIds: source.userObjectIds === true,
  });
  options.onPlan?.(plan, facts);
  const total = facts.count;
  options.onProgress?.({ done: 0, total });
  if (plan.kind === "empty") return;

  const oidField = source.caps.oidField;
  // Range and id-batch pages are not asked for an order: the client sorts a page by id for next to
  // nothing, while `orderByFields` can cost the server a sort per page (a fifth of the page time on the
  // sample server). Truncated range pages are completed by narrower sub-ranges instead (see fetchRange).
  const ctx: PagingContext<F> = {
    fetch: source.fetch,
    oidOf: source.oidOf,
    oidField: oidField ?? "",
    state: { pageSize: plan.pageSize },
  };
  // Pages come in object id order except with a custom order; then ids cannot be checked for repeats cheaply.
  const monotonic = oidField !== undefined && source.customOrder === undefined;
  let strategy: string = plan.kind;
  let tasks: Iterator<PageTask<F>>;

  switch (plan.kind) {
    case "single": {
      const page = await source.fetch({}, signal ?? new AbortController().signal);
      if (page.features.length > 0) yield page.features;
      options.onProgress?.({ done: page.features.length, total });
      if (page.features.length < total) {
        throw new IncompleteResultError({ url: source.url, expected: total, received: page.features.length, strategy });
      }
      return;
    }
    case "range":
      tasks = rangePageTasks(ctx, plan.minOid, plan.maxOid);
      break;
    case "ids":
      tasks = idBatchTasks(ctx, await source.ids(signal), plan.mode);
      break;
    case "offset": {
      const order = source.customOrder !== undefined ? withTieBreaker(source.customOrder, oidField) : oidField;
      const size = Math.min(plan.pageSize, total);
      if (oidField === undefined || source.customOrder !== undefined || total <= size) {
        tasks = offsetPageTasks(ctx, 0, total, order);
        break;
      }
      // Second-page probe: servers without real pagination ignore resultOffset.
      const probeSignal = signal ?? new AbortController().signal;
      const secondSize = Math.min(size, total - size);
      const [first, second] = await Promise.all([
        fetchOffsetPage(ctx, 0, size, order, probeSignal),
        fetchOffsetPage(ctx, size, secondSize, order, probeSignal),
      ]);
      if (judgeOffsetProbe(ctx, first, second) === "ok") {
        tasks = chain(fromList([first, second]), offsetPageTasks(ctx, size + secondSize, total, order));
      } else {
        strategy = "ids (offsets ignored by the server)";
        ctx.state.pageSize = plan.pageSize;
        tasks = idBatchTasks(ctx, await source.ids(signal), "range");
      }
      break;
    }
  }

  let done = 0;
  let lastOid = -Infinity;
  for await (const page of orderedWindow(tasks, concurrency, signal)) {
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
