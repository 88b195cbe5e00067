import { ValidationError } from "@arcrest/core";

/**
 * Refuses what is not an options object (e.g. the seed's `attachment.download("folder")`
 * called from JavaScript) instead of ignoring it; `hint` says what to use instead.
 */
export function checkOptionsObject(options: unknown, hint = ""): void {
  if (options != null && (typeof options !== "object" || Array.isArray(options))) {
    throw new ValidationError("options", `must be an options object, got ${JSON.stringify(options)}${hint}`);
  }
}
