import type { GPMessage } from "../types.js";
import { isObject } from "./shape.js";

/** The `messages` of a job or execute answer; entries that are not messages are left out. */
export function parseMessages(value: unknown): GPMessage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((m) => ({ type: String(m.type ?? ""), description: String(m.description ?? "") }));
}
