/** Base class of every error thrown by `@arcrest/export`. */
export class ExportError extends Error {
  /** A short machine-readable reason, e.g. `"file-too-large"`. */
  readonly code: string;

  /**
   * @param message - what went wrong, naming the input or file
   * @param code - machine-readable reason
   * @param options - the underlying cause, if any
   */
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExportError";
    this.code = code;
  }
}
