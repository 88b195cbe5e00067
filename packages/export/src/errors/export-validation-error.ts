import { ValidationError } from "@arcrest/core";

/**
 * Bad arguments found before anything was written (unknown format, wrong option type, bad
 * geometry input). A core `ValidationError`, so one `instanceof ValidationError` check covers
 * bad input to every `@arcrest/*` package.
 */
export class ExportValidationError extends ValidationError {
  /** A short machine-readable reason: always `"invalid-argument"`. */
  readonly code = "invalid-argument";

  /**
   * @param message - what was wrong
   * @param parameter - the option or argument name
   */
  constructor(message: string, parameter: string) {
    super(message, { parameter });
    this.name = "ExportValidationError";
  }
}
