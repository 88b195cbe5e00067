/**
 * Typed errors of `@arcrest/export`. Every error names what was wrong so a
 * caller can tell bad input from a full disk from a format limit.
 */

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

/** Bad arguments found before anything was written (unknown format, wrong option type, bad geometry input). */
export class ExportValidationError extends ExportError {
  /** The option or argument that was wrong. */
  readonly parameter: string;

  /**
   * @param message - what was wrong
   * @param parameter - the option or argument name
   */
  constructor(message: string, parameter: string) {
    super(message, "invalid-argument");
    this.name = "ExportValidationError";
    this.parameter = parameter;
  }
}

/** A file would exceed a format limit, e.g. the 2 GB limit of a `.shp` or `.dbf`. */
export class FileSizeLimitError extends ExportError {
  /** The part that would be too large, e.g. `"shp"` or `"dbf"`. */
  readonly part: string;
  /** The limit in bytes. */
  readonly limit: number;

  /**
   * @param part - file part (extension) that would be too large
   * @param limit - the limit in bytes
   * @param featureIndex - index of the feature that did not fit
   */
  constructor(part: string, limit: number, featureIndex: number) {
    super(
      `The .${part} file would exceed ${limit} bytes (the shapefile format limit) at feature #${featureIndex}; ` +
        `write fewer features per file, fewer/narrower fields, or another format such as GeoJSON`,
      "file-too-large",
    );
    this.name = "FileSizeLimitError";
    this.part = part;
    this.limit = limit;
  }
}

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

/** The export was cancelled through its `AbortSignal`; nothing was left behind. */
export class ExportAbortedError extends ExportError {
  /** @param reason - the signal's reason */
  constructor(reason?: unknown) {
    super("The export was aborted", "aborted", { cause: reason });
    this.name = "ExportAbortedError";
  }
}
