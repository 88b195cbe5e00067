import { request, type CallOptions } from "@arcrest/core";
import { parseJobInfo } from "../parse/job-info.js";
import type { GPJobInfo } from "../types.js";
import { callOptions } from "./call-options.js";
import { jobUrl } from "./task-url.js";

/**
 * Reads a job's status and messages (`.../jobs/<jobId>?returnMessages=true`). A read: the
 * pipeline retries it after network faults, 429 and 5xx.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws ValidationError (`url`, `jobId`) before any request
 *
 * @example
 * ```ts
 * const { status, messages } = await jobStatus(taskUrl, jobId);
 * ```
 */
export async function jobStatus(url: string, jobId: string, options: CallOptions = {}): Promise<GPJobInfo> {
  const target = jobUrl(url, jobId);
  const json = await request<unknown>(target, { params: { returnMessages: true, f: "json" }, kind: "read", ...callOptions(options) });
  return parseJobInfo(json, target);
}
