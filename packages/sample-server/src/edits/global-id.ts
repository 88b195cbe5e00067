/** GlobalIDs as ArcGIS stores and reports them: braced, upper-case GUIDs. */
import { randomUUID } from "node:crypto";

const CANONICAL = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
const GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** A new GlobalID, e.g. `{93BADD75-B2B7-497A-99F0-6E89B09C9C8E}`. */
export function newGlobalId(): string {
  return `{${randomUUID().toUpperCase()}}`;
}

/** The canonical (braced, upper-case) form of a GUID string, or undefined when it is not one. */
export function canonicalGuid(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (CANONICAL.test(value)) return value;
  const match = GUID.exec(value.trim());
  if (!match) return undefined;
  return `{${match.slice(1).join("-").toUpperCase()}}`;
}
