import type { ParamValue } from "@arcrest/core";
import type { ItemUpdate } from "./types.js";

/** Form fields of addItem/update: lists comma-joined, JSON data as `text`, a Blob as `file`. */
export function itemParams(fields: ItemUpdate & { type?: string }): Record<string, ParamValue> {
  const { data, tags, typeKeywords, ...plain } = fields;
  const params: Record<string, ParamValue> = { ...plain };
  if (tags !== undefined) params.tags = tags.join(",");
  if (typeKeywords !== undefined) params.typeKeywords = typeKeywords.join(",");
  if (data instanceof Blob) params.file = data;
  else if (typeof data === "string") params.text = data;
  else if (data !== undefined) params.text = JSON.stringify(data);
  return params;
}
