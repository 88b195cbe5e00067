import type { GPParameter, GPTaskInfo } from "../types.js";
import { isObject, unexpectedResponse } from "./shape.js";

function parameter(raw: Record<string, unknown>): GPParameter {
  const p: GPParameter = {
    name: String(raw.name),
    dataType: String(raw.dataType ?? ""),
    direction: String(raw.direction ?? ""),
    parameterType: String(raw.parameterType ?? ""),
    defaultValue: raw.defaultValue ?? null,
  };
  if (Array.isArray(raw.choiceList)) p.choiceList = raw.choiceList.map(String);
  for (const key of ["displayName", "description", "category"] as const) {
    if (typeof raw[key] === "string") p[key] = raw[key];
  }
  return p;
}

/** A task resource (`.../GPServer/<TaskName>?f=json`). */
export function parseTaskInfo(json: unknown, url: string): GPTaskInfo {
  if (!isObject(json) || typeof json.name !== "string" || !Array.isArray(json.parameters)) {
    throw unexpectedResponse(url, "a geoprocessing task ({ name, executionType, parameters })", json);
  }
  const executionType = json.executionType === "esriExecutionTypeSynchronous" ? "esriExecutionTypeSynchronous" : "esriExecutionTypeAsynchronous";
  const info: GPTaskInfo = {
    name: json.name,
    executionType,
    parameters: json.parameters.filter((p): p is Record<string, unknown> => isObject(p) && typeof p.name === "string").map(parameter),
  };
  for (const key of ["displayName", "description", "category", "helpUrl"] as const) {
    if (typeof json[key] === "string") info[key] = json[key];
  }
  return info;
}
