import { ValidationError } from "@arcrest/core";

/** A partial name or wildcard given to `admin.service()` matches several services. */
export class AmbiguousServiceError extends ValidationError {
  override name = "AmbiguousServiceError";
  /** The matching services, as "Folder/Name.Type". */
  readonly matches: string[];

  /** @param name - the name asked for */
  constructor(name: string, matches: string[]) {
    super(`"${name}" matches ${matches.length} services: ${matches.join(", ")}. Use "Folder/Name.Type".`, { parameter: "name" });
    this.matches = matches;
  }
}
