import { ValidationError } from "@arcrest/core";

/** No service matches a name given to `admin.service()`; `available` lists what exists. */
export class ServiceNotFoundError extends ValidationError {
  override name = "ServiceNotFoundError";
  /** Every service of the site, as "Folder/Name.Type" ("Name.Type" at the root). */
  readonly available: string[];

  /** @param name - the name asked for */
  constructor(name: string, available: string[]) {
    super(`No service matches "${name}". Services: ${available.join(", ") || "(none)"}`, { parameter: "name" });
    this.available = available;
  }
}
