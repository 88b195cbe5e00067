import { ExportError } from "./export-error.js";

/** The export was cancelled through its `AbortSignal`; nothing was left behind. */
export class ExportAbortedError extends ExportError {
  /** @param reason - the signal's reason */
  constructor(reason?: unknown) {
    super("The export was aborted", "aborted", { cause: reason });
    this.name = "ExportAbortedError";
  }
}
