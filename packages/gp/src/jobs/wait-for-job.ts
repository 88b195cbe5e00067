import { GPJobError } from "../errors/gp-job-error.js";
import { cancelJob } from "../operations/cancel-job.js";
import { jobStatus } from "../operations/job-status.js";
import { jobUrl } from "../operations/task-url.js";
import type { GPJobInfo, GPWaitOptions } from "../types.js";
import { checkTimeout, Deadline } from "./deadline.js";
import { checkPollInterval, pollDelay } from "./poll-delay.js";
import { sleep } from "./sleep.js";
import { isRunning } from "./statuses.js";

/**
 * Follows a job until it ends: reads its status (first at once, then after `pollInterval`,
 * growing to at most 10 s), reports each read with the new messages only, and returns the
 * succeeded job. A status read that fails for a transient reason is retried by the pipeline.
 *
 * When `signal` aborts or `timeout` elapses, one `cancel` is sent and the call rejects with the
 * signal's reason or a `GPTimeoutError`.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws GPJobError when the job ends Failed, Cancelled, TimedOut (or with a status this client does not know)
 * @throws ValidationError (`url`, `jobId`, `pollInterval`, `timeout`) before any request
 *
 * @example
 * ```ts
 * const { jobId } = await submitJob(taskUrl, { inputs });
 * await waitForJob(taskUrl, jobId, { pollInterval: 500, timeout: 60_000, onProgress: ({ status, messages }) => console.log(status, messages) });
 * const result = await jobResults(taskUrl, jobId);
 * ```
 */
export async function waitForJob(url: string, jobId: string, options: GPWaitOptions = {}): Promise<GPJobInfo> {
  jobUrl(url, jobId);
  const interval = checkPollInterval(options.pollInterval);
  const deadline = new Deadline(options.signal, checkTimeout(options.timeout), jobId);
  try {
    return await poll(url, jobId, interval, deadline.signal, options);
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    await cancelJob(url, jobId, options.session ? { session: options.session } : {}).catch(() => undefined);
    throw deadline.signal.reason;
  } finally {
    deadline.dispose();
  }
}

async function poll(url: string, jobId: string, interval: number, signal: AbortSignal, options: GPWaitOptions): Promise<GPJobInfo> {
  let seen = 0;
  for (let reads = 0; ; reads++) {
    if (reads > 0) await sleep(pollDelay(interval, reads - 1), signal);
    const job = await jobStatus(url, jobId, { ...(options.session ? { session: options.session } : {}), signal });
    options.onProgress?.({ jobId, status: job.status, messages: job.messages.slice(seen) });
    seen = Math.max(seen, job.messages.length);
    if (job.status === "esriJobSucceeded") return job;
    if (!isRunning(job.status)) throw new GPJobError(job);
  }
}
