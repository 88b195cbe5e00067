import type { GPJobInfo } from "../types.js";
import { parseMessages } from "./messages.js";
import { isObject, unexpectedResponse } from "./shape.js";

/** A submitJob, job status or cancel answer: `{ jobId, jobStatus, messages?, results? }`. */
export function parseJobInfo(json: unknown, url: string): GPJobInfo {
  if (!isObject(json) || typeof json.jobId !== "string" || typeof json.jobStatus !== "string") {
    throw unexpectedResponse(url, "a job ({ jobId, jobStatus })", json);
  }
  const info: GPJobInfo = { jobId: json.jobId, status: json.jobStatus, messages: parseMessages(json.messages) };
  if (isObject(json.results)) {
    const results: Record<string, { paramUrl: string }> = {};
    for (const [name, entry] of Object.entries(json.results)) {
      results[name] = { paramUrl: isObject(entry) && typeof entry.paramUrl === "string" ? entry.paramUrl : `results/${name}` };
    }
    info.results = results;
  }
  return info;
}
