import type { CallOptions, Session } from "@arcrest/core";
import { waitForJob } from "./jobs/wait-for-job.js";
import { cancelJob } from "./operations/cancel-job.js";
import { jobResults } from "./operations/job-results.js";
import { jobStatus } from "./operations/job-status.js";
import { jobUrl, taskUrl } from "./operations/task-url.js";
import type { GPRunResult } from "./results/gp-run-result.js";
import type { GPJobInfo, GPWaitOptions } from "./types.js";

/**
 * A job of an asynchronous GP task: follow it, cancel it, read its results. Get one from
 * `GPTask.submit`, or with {@link GPJob.resume} for a job started elsewhere.
 *
 * @example
 * ```ts
 * const job = await task.submit({ Input_Location: point, Drive_Times: "1 2 3" });
 * await job.wait({ onProgress: ({ status, messages }) => console.log(status, messages) });
 * const result = await job.results();
 * ```
 */
export class GPJob {
  /** The task URL, `.../GPServer/<TaskName>`. */
  readonly url: string;
  /** The server's id of the job. */
  readonly jobId: string;
  readonly #session: Session | undefined;
  #last: GPJobInfo | undefined;

  private constructor(url: string, jobId: string, session: Session | undefined) {
    this.url = url;
    this.jobId = jobId;
    this.#session = session;
  }

  /**
   * Follows a job by id (started by another process, or before a restart). Sends no request.
   *
   * @param url - the task URL, `.../GPServer/<TaskName>`
   * @throws ValidationError (`url`, `jobId`)
   *
   * @example
   * ```ts
   * const job = GPJob.resume(taskUrl, savedJobId);
   * const result = await job.results(); // waits for it first when it is still running
   * ```
   */
  static resume(url: string, jobId: string, options: { session?: Session } = {}): GPJob {
    jobUrl(url, jobId);
    return new GPJob(taskUrl(url), jobId, options.session);
  }

  /** The job's status as last read, if it was read. */
  get lastStatus(): GPJobInfo | undefined {
    return this.#last;
  }

  /** Reads the job's status and every message so far. */
  async status(options: CallOptions = {}): Promise<GPJobInfo> {
    return this.#keep(await jobStatus(this.url, this.jobId, this.#call(options)));
  }

  /**
   * Polls until the job ends; see {@link waitForJob}.
   *
   * @throws GPJobError when it ends Failed, Cancelled or TimedOut
   * @throws GPTimeoutError after `timeout` (the job is cancelled)
   */
  async wait(options: GPWaitOptions = {}): Promise<GPJobInfo> {
    return this.#keep(await waitForJob(this.url, this.jobId, this.#call(options)));
  }

  /** Asks the server to cancel the job; see {@link cancelJob}. */
  async cancel(options: CallOptions = {}): Promise<GPJobInfo> {
    return this.#keep(await cancelJob(this.url, this.jobId, this.#call(options)));
  }

  /**
   * The job's outputs, typed. Waits for the job first when it has not been seen to succeed.
   *
   * @throws GPJobError when the job ended Failed, Cancelled or TimedOut
   */
  async results(options: GPWaitOptions = {}): Promise<GPRunResult> {
    const job = this.#last?.status === "esriJobSucceeded" ? this.#last : await this.wait(options);
    return jobResults(this.url, this.jobId, { ...this.#call(options), job });
  }

  #call<T extends CallOptions>(options: T): T {
    return { ...options, ...(options.session || !this.#session ? {} : { session: this.#session }) };
  }

  #keep(job: GPJobInfo): GPJobInfo {
    this.#last = job;
    return job;
  }
}
