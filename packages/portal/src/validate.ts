import { ValidationError } from "@arcrest/core";

const HEX_ID = /^[0-9a-f]{32}$/i;

/**
 * Checks a portal item or group id (32 hexadecimal characters) before any request.
 * @throws `ValidationError` naming `parameter`.
 */
export function checkId(id: unknown, parameter = "id"): string {
  if (typeof id !== "string" || !HEX_ID.test(id)) {
    const shown = typeof id === "string" ? `"${id.slice(0, 60)}"` : String(id);
    throw new ValidationError(parameter, `must be 32 hexadecimal characters, got ${shown}`);
  }
  return id;
}

/**
 * Checks a user or folder name (non-empty, no slash) before any request.
 * @throws `ValidationError` naming `parameter`.
 */
export function checkName(name: unknown, parameter: string): string {
  if (typeof name !== "string" || name.trim() === "" || name.includes("/")) {
    throw new ValidationError(parameter, `must be a non-empty name without "/", got ${JSON.stringify(name)}`);
  }
  return name;
}
