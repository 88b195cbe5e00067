import { isRecord, unexpectedResponse } from "./response-error.js";

/** A `returnIdsOnly` answer. */
export interface ParsedObjectIds {
  /** The object id field, when the server names it (some servers leave it out). */
  objectIdFieldName?: string;
  /** Object ids as integers (servers may serialise them as floats such as `6.4579816E7`). */
  objectIds: number[];
}

/** Parses a `returnIdsOnly=true` answer; `objectIds: null` (no match) becomes an empty list. */
export function parseObjectIds(json: unknown, url: string): ParsedObjectIds {
  if (!isRecord(json) || !("objectIds" in json)) throw unexpectedResponse(url, "an object id list ({ objectIds: [...] })", json);
  const raw = json.objectIds;
  if (raw !== null && !Array.isArray(raw)) throw unexpectedResponse(url, "objectIds as an array", json);
  const objectIds = (raw ?? []).map((id) => {
    const n = typeof id === "string" ? Number(id) : id;
    if (typeof n !== "number" || !Number.isFinite(n)) throw unexpectedResponse(url, "numeric object ids", id);
    return Math.round(n);
  });
  const name = typeof json.objectIdFieldName === "string" && json.objectIdFieldName ? json.objectIdFieldName : undefined;
  return name === undefined ? { objectIds } : { objectIdFieldName: name, objectIds };
}
