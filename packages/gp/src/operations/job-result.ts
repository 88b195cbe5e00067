import { request, ValidationError, type CallOptions } from "@arcrest/core";
import { isObject, unexpectedResponse } from "../parse/shape.js";
import { parseResult } from "../results/parse-result.js";
import type { GPResult } from "../types.js";
import { callOptions } from "./call-options.js";
import { jobUrl } from "./task-url.js";

/**
 * Reads one output of a succeeded job (`.../jobs/<jobId>/results/<paramName>`), its value typed
 * by its data type.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @param paramName - the output parameter's name
 * @throws ValidationError (`url`, `jobId`, `paramName`) before any request
 *
 * @example
 * ```ts
 * const { value } = await jobResult(taskUrl, jobId, "Output_Drive_Time_Polygons");
 * ```
 */
export async function jobResult(url: string, jobId: string, paramName: string, options: CallOptions = {}): Promise<GPResult> {
  if (typeof paramName !== "string" || paramName === "" || paramName.includes("/")) {
    throw new ValidationError("paramName", `${JSON.stringify(paramName)} is not an output parameter name`);
  }
  const target = `${jobUrl(url, jobId)}/results/${encodeURIComponent(paramName)}`;
  const json = await request<unknown>(target, { params: { f: "json" }, kind: "read", ...callOptions(options) });
  if (!isObject(json) || typeof json.paramName !== "string" || typeof json.dataType !== "string") {
    throw unexpectedResponse(target, "a result ({ paramName, dataType, value })", json);
  }
  return parseResult({ paramName: json.paramName, dataType: json.dataType, value: json.value });
}
