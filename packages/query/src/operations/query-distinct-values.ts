import { ValidationError, type CallOptions } from "@arcrest/core";
import { filterParams } from "../params/build-query-params.js";
import { fieldList } from "../params/out-fields.js";
import { parseStatistics } from "../parse/statistics.js";
import type { FeatureValue, QueryFilter } from "../types.js";
import { queryUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Options of {@link queryDistinctValues}. */
export interface QueryDistinctValuesOptions extends QueryFilter, CallOptions {}

/**
 * Distinct values of one field (a list) or distinct combinations of several
 * (rows), via `returnDistinctValues=true`, sorted ascending.
 *
 * @param url - the layer or table URL
 * @param fields - one field name, or several
 */
export async function queryDistinctValues(url: string, fields: string, options?: QueryDistinctValuesOptions): Promise<FeatureValue[]>;
export async function queryDistinctValues(url: string, fields: readonly string[], options?: QueryDistinctValuesOptions): Promise<Record<string, FeatureValue>[]>;
export async function queryDistinctValues(
  url: string,
  fields: string | readonly string[],
  options: QueryDistinctValuesOptions = {},
): Promise<FeatureValue[] | Record<string, FeatureValue>[]> {
  const list = fieldList(typeof fields === "string" ? [fields] : fields);
  if (list.length === 0) throw new ValidationError("fields", "name at least one field (not *) to get distinct values of");
  const target = queryUrl(url);
  const json = await sendRead<unknown>(
    target,
    {
      ...await filterParams(options),
      outFields: list.join(","),
      returnDistinctValues: true,
      returnGeometry: false,
      orderByFields: list.join(","),
      f: "json",
    },
    options,
  );
  // Keys back to the requested names (servers may answer in another case), as for statistics; a missing one is null.
  const rows = parseStatistics(json, target, list).map((row) => Object.fromEntries(list.map((name) => [name, row[name] ?? null])));
  return typeof fields === "string" ? rows.map((r) => r[list[0]]) : rows;
}
