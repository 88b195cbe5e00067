import type { CallOptions } from "@arcrest/core";
import { filterParams } from "../params/build-query-params.js";
import { parseCount } from "../parse/count.js";
import type { QueryFilter } from "../types.js";
import { queryUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Options of {@link queryCount}. */
export interface QueryCountOptions extends QueryFilter, CallOptions {}

/**
 * How many features match (`returnCountOnly=true`): one request, no features transferred.
 *
 * @param url - the layer or table URL
 */
export async function queryCount(url: string, options: QueryCountOptions = {}): Promise<number> {
  const target = queryUrl(url);
  const json = await sendRead<unknown>(target, { ...await filterParams(options), returnCountOnly: true, f: "json" }, options);
  return parseCount(json, target);
}
