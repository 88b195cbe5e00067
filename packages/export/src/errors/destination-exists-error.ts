import { ExportError } from "./export-error.js";

/** The destination exists and `overwrite` was not set. */
export class DestinationExistsError extends ExportError {
  /** The existing file(s). */
  readonly paths: string[];

  /** @param paths - files that already exist */
  constructor(paths: string[]) {
    super(`Destination already exists: ${paths.join(", ")} (pass overwrite: true to replace it)`, "destination-exists");
    this.name = "DestinationExistsError";
    this.paths = paths;
  }
}
