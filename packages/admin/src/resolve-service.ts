import { AmbiguousServiceError } from "./errors/ambiguous-service-error.js";
import { ServiceNotFoundError } from "./errors/service-not-found-error.js";
import type { ServiceSummary } from "./types.js";

/** "Folder/Name.Type", or "Name.Type" at the root. */
export function qualifiedName(s: Pick<ServiceSummary, "folderName" | "serviceName" | "type">): string {
  const folder = s.folderName === "/" || s.folderName === "" ? "" : `${s.folderName}/`;
  return `${folder}${s.serviceName}.${s.type}`;
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/**
 * Picks one service by "Folder/Name.Type", a wildcard (`*`, `?`) over the qualified or the plain
 * name, or a unique partial name (an exact name wins over partial matches).
 * @throws {@link ServiceNotFoundError} / {@link AmbiguousServiceError} listing what exists / matches.
 */
export function resolveService<T extends ServiceSummary>(name: string, services: T[]): T {
  const all = services.map(qualifiedName);
  const lower = name.toLowerCase();
  let found: T[];
  if (/[*?]/.test(name)) {
    const re = wildcard(name);
    found = services.filter((s) => re.test(qualifiedName(s)) || re.test(s.serviceName));
  } else {
    const exact = services.filter((s) => qualifiedName(s).toLowerCase() === lower || `${qualifiedName(s).replace(/\.[^.]+$/, "")}`.toLowerCase() === lower || s.serviceName.toLowerCase() === lower);
    found = exact.length > 0 ? exact : services.filter((s) => qualifiedName(s).toLowerCase().includes(lower));
  }
  if (found.length === 0) throw new ServiceNotFoundError(name, all);
  if (found.length > 1) throw new AmbiguousServiceError(name, found.map(qualifiedName));
  return found[0];
}
