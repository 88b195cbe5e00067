import { ValidationError, type CallOptions } from "@arcrest/core";
import { GPJobError } from "../errors/gp-job-error.js";
import { isRunning } from "../jobs/statuses.js";
import { GPRunResult } from "../results/gp-run-result.js";
import type { GPJobInfo } from "../types.js";
import { jobResult } from "./job-result.js";
import { jobStatus } from "./job-status.js";

/** Options of {@link jobResults}. */
export interface JobResultsOptions extends CallOptions {
  /** The job's last status when you have it (a succeeded one saves a status read). */
  job?: GPJobInfo;
}

/**
 * Every output of a succeeded job, read from `jobs/<jobId>/results/<param>` as the job lists
 * them, with the job's messages.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws GPJobError when the job ended Failed, Cancelled or TimedOut
 * @throws ValidationError (`jobId`) when the job is still running
 *
 * @example
 * ```ts
 * await waitForJob(taskUrl, jobId);
 * const result = await jobResults(taskUrl, jobId);
 * result.value("Output_Drive_Time_Polygons");
 * ```
 */
export async function jobResults(url: string, jobId: string, options: JobResultsOptions = {}): Promise<GPRunResult> {
  const job = options.job?.jobId === jobId && options.job.status === "esriJobSucceeded" ? options.job : await jobStatus(url, jobId, options);
  if (job.status !== "esriJobSucceeded") {
    if (isRunning(job.status)) throw new ValidationError("jobId", `job ${jobId} has not finished (${job.status}); wait for it first`);
    throw new GPJobError(job);
  }
  const names = Object.keys(job.results ?? {});
  const results = await Promise.all(names.map((name) => jobResult(url, jobId, name, options)));
  return new GPRunResult(results, job.messages, jobId);
}
