import { ValidationError } from "@arcrest/core";
import type { PagingStrategyName } from "../types.js";

/** What the layer says about paging (from its JSON, read once). */
export interface PagingCapabilities {
  /** Object id field; paging by ids or ranges needs one. */
  oidField?: string;
  /** `advancedQueryCapabilities.supportsPagination` (10.3+). */
  supportsPagination: boolean;
  /** `advancedQueryCapabilities.supportsOrderBy`. */
  supportsOrderBy: boolean;
  /** `maxRecordCount`: the most rows one request returns. */
  maxRecordCount: number;
}

/** What the server told us about this query before paging. */
export interface QueryFacts {
  /** `COUNT(oid)` or `returnCountOnly` for the user's filter. */
  count: number;
  /** `MIN(oid)` for the user's filter, when statistics were available. */
  minOid?: number;
  /** `MAX(oid)` for the user's filter, when statistics were available. */
  maxOid?: number;
}

/** What the caller asked for. */
export interface PlanRequest {
  strategy: PagingStrategyName;
  /** Page size override (the seed's `chunk_size`). */
  pageSize?: number;
  /** The user sorts by something other than the object id. */
  customOrder: boolean;
  /** The user restricted the query to a list of object ids. */
  userObjectIds: boolean;
}

/** The chosen way to read every page. */
export type PagingPlan =
  | { kind: "empty" }
  | { kind: "single"; pageSize: number }
  | { kind: "range"; pageSize: number; minOid: number; maxOid: number }
  | { kind: "offset"; pageSize: number }
  | { kind: "ids"; pageSize: number; mode: "range" | "list" };

/**
 * Ranges from min/max statistics are used when at least this share of the ids in
 * `[min, max]` match, so that pages are on average at least this full.
 */
export const DENSE_FILL_RATIO = 0.7;

/**
 * `resultOffset` paging is chosen automatically only up to this many pages: the
 * deepest offset is then three pages in, which costs a database little, while
 * it saves the `returnIdsOnly` request an id batch plan needs.
 */
export const CHEAP_OFFSET_PAGES = 4;

/**
 * Chooses how to page, with the server's cost in mind.
 *
 * - Object-id ranges from `MIN`/`MAX` statistics when ids are dense: no id list to
 *   transfer or hold, every page an index range scan whose cost does not grow
 *   with depth, and a page can never exceed the limit (a range `n` ids wide holds
 *   at most `n` rows). A layer that fits in one range is always read this way.
 * - `resultOffset` ordered by object id for sparse results of a few pages on
 *   servers with pagination: correct (unique order, probed on the second page)
 *   and cheap at such shallow offsets. Also the only option without an object id
 *   field, and the one that honours a custom `orderByFields` across pages.
 * - Id batches (`returnIdsOnly`, sorted, asked for as id ranges) otherwise:
 *   exact on every server, with or without pagination, whatever the id gaps,
 *   and at constant cost per page where offsets would cost more with each page
 *   (about ten times an id range at depth on a database-backed server).
 */
export function planPaging(caps: PagingCapabilities, facts: QueryFacts, request: PlanRequest): PagingPlan {
  if (request.pageSize !== undefined && (!Number.isInteger(request.pageSize) || request.pageSize < 1)) {
    throw new ValidationError("pageSize", `must be a positive integer, got ${request.pageSize}`);
  }
  // A page size above the server's limit would only come back truncated.
  const pageSize = Math.max(1, Math.min(request.pageSize ?? caps.maxRecordCount, caps.maxRecordCount));
  if (facts.count === 0) return { kind: "empty" };
  const pages = Math.ceil(facts.count / pageSize);
  const hasOid = caps.oidField !== undefined;
  const hasRange = facts.minOid !== undefined && facts.maxOid !== undefined;

  if (request.strategy !== "auto" && request.strategy !== "offset" && !hasOid) {
    throw new ValidationError("paging", `"${request.strategy}" paging needs an object id field, and this layer has none`);
  }
  // Ranges and id batches come back sorted by object id; only offsets keep a custom order.
  if (request.customOrder) {
    if (pages > 1 && request.strategy !== "auto" && request.strategy !== "offset") {
      throw new ValidationError("paging", `a custom orderByFields across pages needs offset paging, not "${request.strategy}"`);
    }
    if (pages > 1 && !caps.supportsPagination) {
      throw new ValidationError(
        "orderByFields",
        "reading every page in a custom order needs a server with pagination (resultOffset); this layer has none",
      );
    }
    return { kind: "offset", pageSize };
  }
  if (!hasOid) {
    return caps.supportsPagination || request.strategy === "offset" ? { kind: "offset", pageSize } : { kind: "single", pageSize };
  }
  if (request.userObjectIds) return { kind: "ids", pageSize, mode: "list" };

  switch (request.strategy) {
    case "offset":
      return { kind: "offset", pageSize };
    case "ids":
      return { kind: "ids", pageSize, mode: "range" };
    case "range":
      return hasRange
        ? { kind: "range", pageSize, minOid: facts.minOid as number, maxOid: facts.maxOid as number }
        : { kind: "ids", pageSize, mode: "range" };
    case "auto":
      break;
  }
  if (hasRange) {
    const span = (facts.maxOid as number) - (facts.minOid as number) + 1;
    if (span <= pageSize || facts.count / span >= DENSE_FILL_RATIO) {
      return { kind: "range", pageSize, minOid: facts.minOid as number, maxOid: facts.maxOid as number };
    }
  }
  if (caps.supportsPagination && pages <= CHEAP_OFFSET_PAGES) return { kind: "offset", pageSize };
  return { kind: "ids", pageSize, mode: "range" };
}
