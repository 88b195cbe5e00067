import { request } from "@arcrest/core";
import { checkTimeout, Deadline } from "../jobs/deadline.js";
import { parseExecuteResponse } from "../results/parse-execute.js";
import type { GPRunResult } from "../results/gp-run-result.js";
import { taskParams, type GPTaskRequestOptions } from "./task-params.js";
import { taskUrl } from "./task-url.js";

/** Options of {@link execute}. */
export interface ExecuteOptions extends GPTaskRequestOptions {
  /** Give up after this many milliseconds with a `GPTimeoutError`. */
  timeout?: number;
}

/**
 * Runs a synchronous task (`.../GPServer/<TaskName>/execute`) and returns its typed outputs.
 * Inputs are checked against the task's parameters before the task is called.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws ValidationError naming `inputs.<name>` (or `url`, `outSR`, `timeout` ...) before the task is called
 * @throws GPTimeoutError when `timeout` elapses first
 *
 * @example
 * ```ts
 * const result = await execute(taskUrl, {
 *   inputs: { Input_Location: { x: -10603050, y: 4715351, spatialReference: { wkid: 102100 } }, Drive_Times: "1 2 3" },
 * });
 * const polygons = result.featureSet("Output_Drive_Time_Polygons");
 * ```
 */
export async function execute(url: string, options: ExecuteOptions): Promise<GPRunResult> {
  const target = taskUrl(url);
  const timeout = checkTimeout(options.timeout);
  const params = await taskParams(target, options);
  const deadline = new Deadline(options.signal, timeout, undefined);
  try {
    const json = await request<unknown>(`${target}/execute`, {
      params,
      kind: "write",
      signal: deadline.signal,
      ...(options.session ? { session: options.session } : {}),
    });
    return parseExecuteResponse(json, `${target}/execute`);
  } catch (error) {
    throw deadline.signal.aborted ? deadline.signal.reason : error;
  } finally {
    deadline.dispose();
  }
}
