import { request, type CallOptions } from "@arcrest/core";
import { parseJobInfo } from "../parse/job-info.js";
import type { GPJobInfo } from "../types.js";
import { callOptions } from "./call-options.js";
import { jobUrl } from "./task-url.js";

/**
 * Asks the server to cancel a job (`.../jobs/<jobId>/cancel`); the answer is usually
 * `esriJobCancelling`. A job that already finished is an `ArcGISRequestError` from the server.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws ValidationError (`url`, `jobId`) before any request
 *
 * @example
 * ```ts
 * const { status } = await cancelJob(taskUrl, jobId); // "esriJobCancelling"
 * ```
 */
export async function cancelJob(url: string, jobId: string, options: CallOptions = {}): Promise<GPJobInfo> {
  const target = `${jobUrl(url, jobId)}/cancel`;
  const json = await request<unknown>(target, { params: { f: "json" }, kind: "write", ...callOptions(options) });
  return parseJobInfo(json, target);
}
