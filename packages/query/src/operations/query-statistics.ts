import { ValidationError, type CallOptions, type ParamValue } from "@arcrest/core";
import { filterParams } from "../params/build-query-params.js";
import { orderByParam } from "../params/feature-query-params.js";
import { fieldList } from "../params/out-fields.js";
import { parseStatistics } from "../parse/statistics.js";
import type { FeatureValue, QueryFilter } from "../types.js";
import { queryUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Statistic types of `outStatistics`. */
export type StatisticType =
  | "count"
  | "sum"
  | "min"
  | "max"
  | "avg"
  | "stddev"
  | "var"
  | "percentile_cont"
  | "percentile_disc"
  | "exceedslimit"
  | "envelope_aggregate"
  | "centroid_aggregate"
  | "convex_hull_aggregate";

/** One statistic to compute. */
export interface StatisticDefinition {
  statisticType: StatisticType;
  /** The field to compute it over (`*` or the object id field for counts). */
  onStatisticField: string;
  /** The name of the result; default `<type>_<field>`. */
  outStatisticFieldName?: string;
  /** For percentiles: `{ value: 0.9, orderBy: "ASC" }`. */
  statisticParameters?: { value: number; orderBy?: "ASC" | "DESC" };
}

/** Options of {@link queryStatistics}. */
export interface QueryStatisticsOptions extends QueryFilter, CallOptions {
  /** The statistics to compute (at least one). */
  outStatistics: readonly StatisticDefinition[];
  /** Fields to group by (`groupByFieldsForStatistics`). */
  groupBy?: string | readonly string[];
  /** Filter on groups, e.g. `COUNT(objectid) > 10` (10.8+). */
  having?: string;
  /** Sort the groups. */
  orderByFields?: string | readonly string[];
}

/** The name a statistic's result is returned under. */
export function statisticName(s: StatisticDefinition): string {
  return s.outStatisticFieldName ?? `${s.statisticType}_${s.onStatisticField.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/**
 * Computes statistics (`outStatistics`), optionally grouped. One row per group,
 * keyed by the output names and the group-by fields.
 *
 * @param url - the layer or table URL
 * @example
 * ```ts
 * const rows = await queryStatistics(url, {
 *   groupBy: ["state"],
 *   outStatistics: [{ statisticType: "count", onStatisticField: "objectid", outStatisticFieldName: "n" }],
 * });
 * ```
 */
export async function queryStatistics(url: string, options: QueryStatisticsOptions): Promise<Record<string, FeatureValue>[]> {
  if (!options.outStatistics || options.outStatistics.length === 0) {
    throw new ValidationError("outStatistics", "give at least one statistic, e.g. { statisticType: \"count\", onStatisticField: \"objectid\" }");
  }
  const target = queryUrl(url);
  const stats = options.outStatistics.map((s) => ({
    statisticType: s.statisticType,
    onStatisticField: s.onStatisticField,
    outStatisticFieldName: statisticName(s),
    ...(s.statisticParameters ? { statisticParameters: s.statisticParameters } : {}),
  }));
  const groupBy = fieldList(options.groupBy);
  const params: Record<string, ParamValue> = {
    ...await filterParams(options),
    outStatistics: JSON.stringify(stats),
    f: "json",
  };
  if (groupBy.length > 0) params.groupByFieldsForStatistics = groupBy.join(",");
  if (options.having !== undefined) params.having = options.having;
  const order = orderByParam(options.orderByFields);
  if (order !== undefined) params.orderByFields = order;
  const json = await sendRead<unknown>(target, params, options);
  return parseStatistics(json, target, [...stats.map((s) => s.outStatisticFieldName), ...groupBy]);
}
