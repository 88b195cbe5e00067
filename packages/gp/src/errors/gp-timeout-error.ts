/** A job did not finish within the `timeout` given; it was cancelled on the server. */
export class GPTimeoutError extends Error {
  override name = "GPTimeoutError";
  /** The job that was cancelled (absent for a synchronous execute). */
  readonly jobId: string | undefined;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /** Builds the error for `jobId` after `timeoutMs`. */
  constructor(jobId: string | undefined, timeoutMs: number) {
    super(jobId ? `GP job ${jobId} did not finish within ${timeoutMs} ms; it was cancelled` : `GP execute did not finish within ${timeoutMs} ms`);
    this.jobId = jobId;
    this.timeoutMs = timeoutMs;
  }
}
