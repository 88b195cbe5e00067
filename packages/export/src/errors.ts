/**
 * Typed errors of `@arcrest/export`. Every error names what was wrong so a
 * caller can tell bad input from a full disk from a format limit.
 */
export { ExportError } from "./errors/export-error.js";
export { ExportValidationError } from "./errors/export-validation-error.js";
export { FileSizeLimitError } from "./errors/file-size-limit-error.js";
export { DestinationExistsError } from "./errors/destination-exists-error.js";
export { ExportAbortedError } from "./errors/export-aborted-error.js";
