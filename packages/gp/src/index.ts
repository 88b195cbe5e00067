/**
 * `@arcrest/gp`: geoprocessing services — task info, synchronous `execute`, `submitJob` with
 * job polling (progress, cancel, timeout, resume) and typed results. Browser-safe.
 *
 * @packageDocumentation
 */

// Facades.
export { GPTask } from "./gp-task.js";
export { GPJob } from "./gp-job.js";
export { GPRunResult } from "./results/gp-run-result.js";

// Plain functions, one per REST operation, and job polling.
export { fetchTaskInfo } from "./operations/fetch-task-info.js";
export { execute, type ExecuteOptions } from "./operations/execute.js";
export { submitJob, type SubmitJobOptions } from "./operations/submit-job.js";
export { jobStatus } from "./operations/job-status.js";
export { cancelJob } from "./operations/cancel-job.js";
export { jobResult } from "./operations/job-result.js";
export { jobResults, type JobResultsOptions } from "./operations/job-results.js";
export type { GPTaskRequestOptions } from "./operations/task-params.js";
export { waitForJob } from "./jobs/wait-for-job.js";
export { DEFAULT_POLL_INTERVAL, MAX_POLL_INTERVAL } from "./jobs/poll-delay.js";

// Errors.
export { GPJobError } from "./errors/gp-job-error.js";
export { GPTimeoutError } from "./errors/gp-timeout-error.js";

// Types.
export type {
  GPExecutionType,
  GPDataType,
  GPParameter,
  GPTaskInfo,
  GPJobStatus,
  GPMessage,
  GPJobInfo,
  GPFileValue,
  GPLinearUnitValue,
  GPRow,
  GPValue,
  GPResult,
  GPInputValue,
  GPInputs,
  GPEnvironmentOptions,
  GPProgress,
  GPWaitOptions,
  GPRunOptions,
} from "./types.js";
