import type { CallOptions } from "@arcrest/core";
import { filterParams } from "../params/build-query-params.js";
import { parseObjectIds, type ParsedObjectIds } from "../parse/object-ids.js";
import type { QueryFilter } from "../types.js";
import { queryUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Options of {@link queryObjectIds}. */
export interface QueryObjectIdsOptions extends QueryFilter, CallOptions {}

/** The answer of {@link queryObjectIds}. */
export type ObjectIdsResult = ParsedObjectIds;

/**
 * The object ids of every matching feature (`returnIdsOnly=true`), sorted
 * ascending. Servers return all ids regardless of `maxRecordCount`.
 *
 * @param url - the layer or table URL
 */
export async function queryObjectIds(url: string, options: QueryObjectIdsOptions = {}): Promise<ObjectIdsResult> {
  const target = queryUrl(url);
  const json = await sendRead<unknown>(target, { ...await filterParams(options), returnIdsOnly: true, f: "json" }, options);
  const parsed = parseObjectIds(json, target);
  parsed.objectIds.sort((a, b) => a - b);
  return parsed;
}
