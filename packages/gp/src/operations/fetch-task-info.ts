import { request, type CallOptions } from "@arcrest/core";
import { parseTaskInfo } from "../parse/task-info.js";
import type { GPTaskInfo } from "../types.js";
import { callOptions } from "./call-options.js";
import { taskUrl } from "./task-url.js";

/**
 * Reads a task resource: its name, execution type and parameters.
 *
 * @param url - the task URL, `.../GPServer/<TaskName>`
 * @throws ValidationError (`url`) before any request when the URL is not a task's
 *
 * @example
 * ```ts
 * const info = await fetchTaskInfo("https://host/arcgis/rest/services/Tools/GPServer/CreateDriveTimePolygons");
 * for (const p of info.parameters) console.log(p.name, p.dataType, p.direction);
 * ```
 */
export async function fetchTaskInfo(url: string, options: CallOptions = {}): Promise<GPTaskInfo> {
  const target = taskUrl(url);
  const json = await request<unknown>(target, { params: { f: "json" }, kind: "read", ...callOptions(options) });
  return parseTaskInfo(json, target);
}
