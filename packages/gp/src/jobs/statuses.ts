import type { GPJobInfo } from "../types.js";

const RUNNING = new Set(["esriJobNew", "esriJobSubmitted", "esriJobWaiting", "esriJobExecuting", "esriJobCancelling"]);

/** Whether a job with this status is still going (New, Submitted, Waiting, Executing, Cancelling). */
export function isRunning(status: GPJobInfo["status"]): boolean {
  return RUNNING.has(status);
}
