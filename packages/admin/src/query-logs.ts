import { type CallOptions, ValidationError } from "@arcrest/core";
import { queryLogPage } from "./operations/query-log-page.js";
import type { LogMessage } from "./types.js";

/** Options of {@link queryLogs}. */
export interface QueryLogsOptions extends CallOptions {
  /** Newest time wanted (a Date or epoch ms); default now. */
  startTime?: Date | number;
  /** Oldest time wanted. */
  endTime?: Date | number;
  /** Lowest severity: SEVERE, WARNING (server default), INFO, FINE, VERBOSE, DEBUG. */
  level?: string;
  /** Only these sources ("Folder/Name.Type"). */
  sources?: string[];
  /** Entries per request (default 1000). */
  pageSize?: number;
}

function epoch(value: Date | number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number" || !Number.isFinite(ms)) throw new ValidationError(name, "must be a Date or epoch milliseconds");
  return ms;
}

const key = (m: LogMessage): string => `${m.time}\u0000${m.source}\u0000${m.code}\u0000${m.message}`;

/**
 * Every log message from newest to oldest, following `hasMore`/`endTime` page by page. Each page
 * starts at the previous page's oldest time, so the entries at that instant are skipped once seen.
 * A `break` sends no further request.
 * @example
 * for await (const log of queryLogs(adminUrl, { level: "INFO", session })) console.log(log.time, log.message);
 */
export async function* queryLogs(adminUrl: string, options: QueryLogsOptions = {}): AsyncGenerator<LogMessage, void, undefined> {
  let startTime = epoch(options.startTime, "startTime");
  const endTime = epoch(options.endTime, "endTime");
  if (options.pageSize !== undefined && !(Number.isInteger(options.pageSize) && options.pageSize > 0)) {
    throw new ValidationError("pageSize", `must be a positive integer, got ${String(options.pageSize)}`);
  }
  let boundary = new Set<string>();
  for (;;) {
    const page = await queryLogPage(adminUrl, { ...options, startTime, endTime });
    const fresh = page.logMessages.filter((m) => !boundary.has(key(m)));
    for (const message of fresh) yield message;
    if (!page.hasMore || page.logMessages.length === 0) return;
    const oldest = page.endTime;
    const atOldest = page.logMessages.filter((m) => m.time === oldest).map(key);
    // A page made only of entries at one instant cannot advance: the server would repeat it.
    if (oldest === startTime && fresh.length === 0) throw new ValidationError("pageSize", `is too small: more than ${page.logMessages.length} entries share the time ${oldest}`);
    boundary = oldest === startTime ? new Set([...boundary, ...atOldest]) : new Set(atOldest);
    startTime = oldest;
  }
}
