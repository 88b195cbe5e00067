import { ValidationError } from "@arcrest/core";

/** Checks a "Folder/Name.Type" (or "Name.Type") service path. */
export function servicePath(service: string): string {
  if (typeof service !== "string" || !/^([^/]+\/)?[^/.]+\.[A-Za-z]+Server$/.test(service)) {
    throw new ValidationError("service", `must be "Folder/Name.Type" or "Name.Type" (e.g. "SanFrancisco/311Incidents.MapServer"), got "${String(service).slice(0, 200)}"`);
  }
  return service;
}
