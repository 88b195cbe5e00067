import { request } from "@arcrest/core";
import { parseJobInfo } from "../parse/job-info.js";
import type { GPJobInfo } from "../types.js";
import { callOptions } from "./call-options.js";
import { taskParams, type GPTaskRequestOptions } from "./task-params.js";
import { taskUrl } from "./task-url.js";

/** Options of {@link submitJob}. */
export type SubmitJobOptions = GPTaskRequestOptions;

/**
 * Starts a job of an asynchronous task (`.../GPServer/<TaskName>/submitJob`) and returns at once
 * with its id and first status. Follow it with `waitForJob` or a `GPJob`. Never retried (a
 * retry could start a second job).
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws ValidationError naming `inputs.<name>` (or `url`, `outSR` ...) before the job is submitted
 *
 * @example
 * ```ts
 * const { jobId } = await submitJob(taskUrl, { inputs: { Input_Location: point, Drive_Times: "1 2" } });
 * const done = await waitForJob(taskUrl, jobId, { onProgress: (p) => console.log(p.status, p.messages) });
 * ```
 */
export async function submitJob(url: string, options: SubmitJobOptions): Promise<GPJobInfo> {
  const target = taskUrl(url);
  const params = await taskParams(target, options);
  const json = await request<unknown>(`${target}/submitJob`, { params, kind: "write", ...callOptions(options) });
  return parseJobInfo(json, `${target}/submitJob`);
}
