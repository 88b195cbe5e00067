import { ArcGISAuthError, ArcGISRequestError, ValidationError } from "@arcrest/core";
import { DestinationExistsError, ExportValidationError } from "@arcrest/export";
import { IncompleteResultError } from "@arcrest/query";
import { EXIT, type ExitCode } from "./exit-codes.js";

/** A bad command line found by the command itself (commander reports its own with exit 2 too). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Thrown when the user interrupted the command. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
  constructor() {
    super("interrupted");
  }
}

/** The exit code an error ends the command with. */
export function exitCodeFor(error: unknown, interrupted: boolean): ExitCode {
  if (interrupted || error instanceof InterruptedError) return EXIT.interrupted;
  if (error instanceof UsageError || error instanceof ValidationError || error instanceof ExportValidationError) return EXIT.usage;
  if (error instanceof IncompleteResultError) return EXIT.incomplete;
  return EXIT.failure;
}

/** One clear line for an error; with `verbose`, the details and the stack follow. */
export function describeError(error: unknown, verbose: boolean): string {
  if (!(error instanceof Error)) return `arcrest: ${String(error)}`;
  const lines = [`arcrest: ${commandMessage(error)}`];
  if (verbose) {
    if (error instanceof ArcGISRequestError) {
      lines.push(`  code: ${String(error.code)}`, `  url: ${error.url}`);
      for (const detail of error.details ?? []) lines.push(`  detail: ${detail}`);
    }
    if (error.cause instanceof Error) lines.push(`  cause: ${error.cause.message}`);
    if (error.stack) lines.push(error.stack);
  }
  return lines.join("\n");
}

/** The error's message, with what to do about it in the command's terms rather than the library's. */
function commandMessage(error: Error): string {
  if (error instanceof DestinationExistsError) return `Destination already exists: ${error.paths.join(", ")} (use --overwrite to replace it)`;
  if (error instanceof ArcGISAuthError) return `${error.message} (sign in with --token, --username or \`arcrest login\`)`;
  return error.message;
}
