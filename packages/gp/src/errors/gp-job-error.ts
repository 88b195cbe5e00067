import type { GPJobInfo, GPMessage } from "../types.js";

/** A job ended Failed, Cancelled or TimedOut on the server; carries its id, status and messages. */
export class GPJobError extends Error {
  override name = "GPJobError";
  /** The job. */
  readonly jobId: string;
  /** `esriJobFailed`, `esriJobCancelled`, `esriJobTimedOut` (or an unknown status the server sent). */
  readonly status: GPJobInfo["status"];
  /** Every message of the job, as the server sent them. */
  readonly messages: GPMessage[];

  /** Builds the error from the job's last status. */
  constructor(job: GPJobInfo) {
    const errors = job.messages.filter((m) => /Error/i.test(m.type)).map((m) => m.description);
    super(`GP job ${job.jobId} ended ${job.status}${errors.length > 0 ? `: ${errors.join(" ")}` : ""}`);
    this.jobId = job.jobId;
    this.status = job.status;
    this.messages = job.messages;
  }
}
