import type { ServerState } from "../context.js";
import { isTerminal } from "./tasks.js";
import type { GPMessage, GPOutputs, GPStep, GPTaskDef } from "./types.js";

/** A submitted job. Its progress depends only on how many times its status was read. */
export interface GPJob {
  id: string;
  task: GPTaskDef;
  inputs: Record<string, unknown>;
  outputs: GPOutputs;
  /** Status requests answered so far. */
  polls: number;
  /** Cancel requests received (tests check a client sends exactly one). */
  cancelRequests: number;
  /** Set once cancelled: the poll at which the cancel arrived and the messages until then. */
  cancelled?: { atPoll: number; messages: GPMessage[] };
}

const stores = new WeakMap<ServerState, Map<string, GPJob>>();
let counter = 0;

/** The jobs of one server. */
export function jobsOf(state: ServerState): Map<string, GPJob> {
  let jobs = stores.get(state);
  if (!jobs) {
    jobs = new Map();
    stores.set(state, jobs);
  }
  return jobs;
}

/** Creates a job with a 33-character id like ArcGIS Server's (`j` + 32 hex digits). */
export function createJob(state: ServerState, task: GPTaskDef, inputs: Record<string, unknown>, outputs: GPOutputs): GPJob {
  counter += 1;
  const id = `j${counter.toString(16).padStart(8, "0")}${(state.seed >>> 0).toString(16).padStart(8, "0")}${"0".repeat(16)}`;
  const job: GPJob = { id, task, inputs, outputs, polls: 0, cancelRequests: 0 };
  jobsOf(state).set(id, job);
  return job;
}

/** The job's state now (without counting a poll). */
export function currentStep(job: GPJob): GPStep {
  if (job.cancelled) {
    const after = job.polls - job.cancelled.atPoll;
    return after === 0
      ? { status: "esriJobCancelling", messages: job.cancelled.messages }
      : { status: "esriJobCancelled", messages: [...job.cancelled.messages, { type: "esriJobMessageTypeInformative", description: "Cancel complete." }] };
  }
  return job.task.step(job.polls, job.inputs);
}

/** Counts one status read and returns the new state; a finished job stays as it is. */
export function advance(job: GPJob): GPStep {
  if (!isTerminal(currentStep(job).status)) job.polls += 1;
  return currentStep(job);
}

/** Cancels a job that is still running; returns false when it already finished. */
export function cancelJob(job: GPJob): boolean {
  job.cancelRequests += 1;
  const step = currentStep(job);
  if (isTerminal(step.status)) return false;
  if (!job.cancelled) job.cancelled = { atPoll: job.polls, messages: step.messages };
  return true;
}
