import type { EditSummary } from "./types.js";

/**
 * An edit job was cancelled through its `signal`. `summary` says what was applied before that:
 * edits of the request in flight are `unknown`, edits never sent are `not-applied`.
 */
export class EditsAbortedError extends Error {
  override name = "EditsAbortedError";
  /** The outcome of every edit up to the cancellation. */
  readonly summary: EditSummary;

  /**
   * @param summary - the outcome so far
   * @param cause - the abort reason
   */
  constructor(summary: EditSummary, cause: unknown) {
    super(`Edits cancelled: ${summary.applied} applied, ${summary.unknown} unknown, ${summary.notApplied} not applied`, { cause });
    this.summary = summary;
  }
}
