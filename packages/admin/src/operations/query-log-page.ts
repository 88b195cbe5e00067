import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { LogQueryPage } from "../types.js";

/** Options of {@link queryLogPage}. */
export interface QueryLogPageOptions extends CallOptions {
  /** Newest time (epoch ms); default now. */
  startTime?: number;
  /** Oldest time (epoch ms). */
  endTime?: number;
  /** Lowest severity: SEVERE, WARNING (default), INFO, FINE, VERBOSE, DEBUG. */
  level?: string;
  /** Only these sources ("Folder/Name.Type"); default all. */
  sources?: string[];
  /** Entries per page (default 1000). */
  pageSize?: number;
}

/**
 * Reads one page of logs (`/admin/logs/query`), newest first. `startTime` is the newest time wanted, `endTime` the oldest; the next page starts at this page's `endTime`.
 *
 * @example
 * const page = await queryLogPage(adminUrl, { level: "INFO", pageSize: 500, session });
 */
export async function queryLogPage(adminUrl: string, options: QueryLogPageOptions = {}): Promise<LogQueryPage> {
  return adminRequest<LogQueryPage>(adminUrlOf(adminUrl, "logs", "query"), { startTime: options.startTime, endTime: options.endTime, level: options.level, pageSize: options.pageSize, filterType: "json", filter: { services: options.sources ?? "*", server: "*", machines: "*" } }, { ...options });
}
