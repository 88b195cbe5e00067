import { ValidationError } from "@arcrest/core";

const TASK_RE = /^https?:\/\/[^/]+\/.*\/GPServer\/[^/]+$/i;

/**
 * The task URL (`.../GPServer/<TaskName>`) without query string, trailing slash or a trailing
 * `execute` / `submitJob`.
 *
 * @throws ValidationError (`url`) when it is not the URL of a GP task
 */
export function taskUrl(url: string): string {
  if (typeof url !== "string") throw new ValidationError("url", "give the URL of a geoprocessing task (.../GPServer/<TaskName>)");
  const clean = url.split(/[?#]/)[0].replace(/\/+$/, "").replace(/\/(execute|submitJob)$/i, "");
  if (!TASK_RE.test(clean)) throw new ValidationError("url", `${clean} is not the URL of a geoprocessing task (.../GPServer/<TaskName>)`);
  return clean;
}

/** The task name: the last segment of a task URL. */
export function taskNameOf(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));
}

/**
 * The job resource `.../GPServer/<TaskName>/jobs/<jobId>`.
 *
 * @throws ValidationError (`jobId`) when the id is empty or not a single path segment
 */
export function jobUrl(url: string, jobId: string): string {
  if (typeof jobId !== "string" || !/^[A-Za-z0-9_.-]+$/.test(jobId)) {
    throw new ValidationError("jobId", `${JSON.stringify(jobId)} is not a job id`);
  }
  return `${taskUrl(url)}/jobs/${jobId}`;
}
