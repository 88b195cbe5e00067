import type { CallOptions } from "@arcrest/core";
import { environmentParams, serializeInputs } from "../inputs/serialize-inputs.js";
import type { GPEnvironmentOptions, GPInputs, GPParameter } from "../types.js";
import { fetchTaskInfo } from "./fetch-task-info.js";
import { taskNameOf } from "./task-url.js";

/** What execute and submitJob send, besides the session and signal. */
export interface GPTaskRequestOptions extends CallOptions, GPEnvironmentOptions {
  /** Input values by parameter name, serialised by each parameter's data type. */
  inputs: GPInputs;
  /**
   * The task's parameters (from {@link fetchTaskInfo} or `GPTask.parameters`), to check and
   * serialise the inputs. When left out, the task resource is read first (one more request).
   */
  parameters?: readonly GPParameter[];
}

/** The request parameters of execute / submitJob; every input is checked before the task is called. */
export async function taskParams(url: string, options: GPTaskRequestOptions): Promise<Record<string, string>> {
  const environment = environmentParams(options);
  const parameters = options.parameters ?? (await fetchTaskInfo(url, options)).parameters;
  return { ...serializeInputs(taskNameOf(url), parameters, options.inputs), ...environment, f: "json" };
}
