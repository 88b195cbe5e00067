import { ValidationError, type CallOptions, type Session } from "@arcrest/core";
import { GPJob } from "./gp-job.js";
import { checkTimeout } from "./jobs/deadline.js";
import { checkPollInterval } from "./jobs/poll-delay.js";
import { execute } from "./operations/execute.js";
import { fetchTaskInfo } from "./operations/fetch-task-info.js";
import { submitJob } from "./operations/submit-job.js";
import { taskUrl } from "./operations/task-url.js";
import type { GPRunResult } from "./results/gp-run-result.js";
import type { GPEnvironmentOptions, GPExecutionType, GPInputs, GPParameter, GPRunOptions, GPTaskInfo } from "./types.js";

/**
 * A geoprocessing task (`.../GPServer/<TaskName>`): its parameters, and `run()` that calls
 * `execute` or `submitJob` as the task's execution type says.
 *
 * @example
 * ```ts
 * const task = await GPTask.connect("https://host/arcgis/rest/services/Tools/GPServer/CreateDriveTimePolygons");
 * for (const p of task.parameters) console.log(p.name, p.dataType);
 * const result = await task.run({ Input_Location: point, Drive_Times: "1 2 3" }, { onProgress: console.log });
 * const polygons = result.featureSet("Output_Drive_Time_Polygons");
 * ```
 */
export class GPTask {
  /** The task URL. */
  readonly url: string;
  /** The task resource as read by {@link GPTask.connect}. */
  readonly info: GPTaskInfo;
  readonly #session: Session | undefined;

  private constructor(url: string, info: GPTaskInfo, session: Session | undefined) {
    this.url = url;
    this.info = info;
    this.#session = session;
  }

  /**
   * Reads the task resource.
   *
   * @param url - `.../GPServer/<TaskName>`
   * @throws ValidationError (`url`) before any request when it is not a task URL
   */
  static async connect(url: string, options: CallOptions = {}): Promise<GPTask> {
    const target = taskUrl(url);
    return new GPTask(target, await fetchTaskInfo(target, options), options.session);
  }

  /** The task's name. */
  get name(): string {
    return this.info.name;
  }

  /** `esriExecutionTypeSynchronous` (run calls execute) or `esriExecutionTypeAsynchronous` (run submits a job). */
  get executionType(): GPExecutionType {
    return this.info.executionType;
  }

  /** Inputs and outputs, as the task describes them. */
  get parameters(): GPParameter[] {
    return this.info.parameters;
  }

  /**
   * Runs the task and returns its outputs: `execute` for a synchronous task; for an asynchronous
   * one, `submitJob`, polling until it ends, then its results.
   *
   * @throws ValidationError naming `inputs.<name>` before any request
   * @throws GPJobError when the job ends Failed, Cancelled or TimedOut
   * @throws GPTimeoutError after `timeout` (a job is cancelled first)
   */
  async run(inputs: GPInputs, options: GPRunOptions = {}): Promise<GPRunResult> {
    const call = this.#call(options);
    checkPollInterval(options.pollInterval);
    checkTimeout(options.timeout);
    if (this.executionType === "esriExecutionTypeSynchronous") {
      const result = await execute(this.url, { ...environmentAndCall(call), inputs, parameters: this.parameters, ...timing(call) });
      call.onProgress?.({ jobId: undefined, status: result.status, messages: result.messages });
      return result;
    }
    const job = await this.submit(inputs, call);
    await job.wait(call);
    return job.results(call);
  }

  /**
   * Starts a job (asynchronous tasks only) and returns at once.
   *
   * @throws ValidationError (`executionType`) for a synchronous task, or naming `inputs.<name>`, before any request
   */
  async submit(inputs: GPInputs, options: GPEnvironmentOptions & CallOptions = {}): Promise<GPJob> {
    if (this.executionType !== "esriExecutionTypeAsynchronous") {
      throw new ValidationError("executionType", `${this.name} is a synchronous task: use run(), which calls execute`);
    }
    const call = this.#call(options);
    const job = await submitJob(this.url, { ...environmentAndCall(call), inputs, parameters: this.parameters });
    return GPJob.resume(this.url, job.jobId, call.session ? { session: call.session } : {});
  }

  /** A job of this task by id (see {@link GPJob.resume}). */
  job(jobId: string): GPJob {
    return GPJob.resume(this.url, jobId, this.#session ? { session: this.#session } : {});
  }

  #call<T extends CallOptions>(options: T): T {
    return { ...options, ...(options.session || !this.#session ? {} : { session: this.#session }) };
  }
}

/** The environment settings, session and signal of run/submit options (not polling or progress). */
function environmentAndCall(options: GPEnvironmentOptions & CallOptions): GPEnvironmentOptions & CallOptions {
  const { outSR, processSR, returnZ, returnM, session, signal } = options;
  return { outSR, processSR, returnZ, returnM, session, signal };
}

/** The `timeout` option, when given. */
function timing(options: GPRunOptions): { timeout?: number } {
  return options.timeout === undefined ? {} : { timeout: options.timeout };
}
