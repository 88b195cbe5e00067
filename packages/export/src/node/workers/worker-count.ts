import { availableParallelism } from "node:os";
import { ExportValidationError } from "../../errors.js";

/**
 * Page workers of an export: a count (0 to 16), or `"auto"` (the default): `availableParallelism() - 2`
 * workers, at most 2, and none with fewer than 4 cores or a server on loopback (which then needs a core of its own).
 */
export type WorkersOption = number | "auto";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** Whether a service URL's host is this machine (the server then shares its cores). */
export function isLoopback(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname) || new URL(url).hostname === "[::1]";
  } catch {
    return false;
  }
}

/**
 * The number of page workers to start. `"auto"` (the default) takes
 * `availableParallelism() - 2` workers, at most 2: one core stays with the main
 * thread (paging, order, file writes) and one with everything else; with fewer than
 * 4 cores, or a server on loopback (which then needs a core of its own), none.
 * Measured in `bench/RESULTS.md`: on 2 cores shared with the server, 1 and 2 workers
 * are slower than none.
 *
 * @throws ExportValidationError when `workers` is not `"auto"` or an integer from 0 to 16
 */
export function resolveWorkers(workers: WorkersOption | undefined, url: string, cores: number = availableParallelism()): number {
  if (workers === undefined || workers === "auto") {
    if (cores < 4 || isLoopback(url)) return 0;
    return Math.min(2, cores - 2);
  }
  if (!Number.isInteger(workers) || workers < 0 || workers > 16) {
    throw new ExportValidationError(`workers must be "auto" or an integer from 0 to 16, got ${String(workers)}`, "workers");
  }
  return workers;
}
