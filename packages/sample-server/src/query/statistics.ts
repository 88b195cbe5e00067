/** outStatistics with groupByFieldsForStatistics: count, sum, min, max, avg, stddev, var and percentiles. */
import type { SampleFeature, SampleField } from "../data/types.js";
import { invalidQuery } from "./errors.js";
import { type FieldIndex, valueClassOf } from "./fields.js";
import { compareValues, parseOrderBy, recordComparator } from "./order-by.js";

type Value = string | number | boolean | null;

/** One requested statistic, validated. */
interface StatisticSpec {
  type: string;
  /** Source field, or null for count(*). */
  field: SampleField | null;
  outName: string;
  percentile?: { value: number; descending: boolean };
}

const STATISTIC_TYPES = new Set(["count", "sum", "min", "max", "avg", "stddev", "var", "percentile_cont", "percentile_disc"]);
const NUMERIC_ONLY = new Set(["sum", "avg", "stddev", "var", "percentile_cont"]);

function parseSpecs(raw: unknown, fields: FieldIndex): StatisticSpec[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw invalidQuery("'outStatistics' parameter is invalid: expected a non-empty JSON array");
  }
  return raw.map((entry: unknown) => {
    if (!entry || typeof entry !== "object") throw invalidQuery("'outStatistics' parameter is invalid: each entry must be an object");
    const e = entry as Record<string, unknown>;
    const type = typeof e.statisticType === "string" ? e.statisticType.toLowerCase() : "";
    if (!STATISTIC_TYPES.has(type)) throw invalidQuery(`'outStatistics' parameter is invalid: statisticType '${String(e.statisticType)}' is not supported`);
    const fieldName = typeof e.onStatisticField === "string" ? e.onStatisticField.trim() : "";
    let field: SampleField | null = null;
    if (!(type === "count" && (fieldName === "*" || fieldName === ""))) {
      field = fields.find(fieldName) ?? null;
      if (!field) throw invalidQuery(`'outStatistics' parameter is invalid: Invalid field: ${fieldName}`);
      if (NUMERIC_ONLY.has(type) && valueClassOf(field.type) !== "number") {
        throw invalidQuery(`'outStatistics' parameter is invalid: ${type} needs a numeric field, ${field.name} is ${field.type}`);
      }
    }
    const outName =
      typeof e.outStatisticFieldName === "string" && e.outStatisticFieldName.trim() !== ""
        ? e.outStatisticFieldName.trim()
        : `${type.toUpperCase()}_${field ? field.name : "COUNT"}`;
    const spec: StatisticSpec = { type, field, outName };
    if (type.startsWith("percentile")) {
      const p = (e.statisticParameters ?? {}) as { value?: unknown; orderBy?: unknown };
      if (typeof p.value !== "number" || p.value < 0 || p.value > 1) {
        throw invalidQuery("'outStatistics' parameter is invalid: percentile needs statisticParameters.value between 0 and 1");
      }
      spec.percentile = { value: p.value, descending: String(p.orderBy ?? "ASC").toUpperCase() === "DESC" };
    }
    return spec;
  });
}

function outputType(spec: StatisticSpec): string {
  if (spec.type === "count") return "esriFieldTypeInteger";
  if (spec.type === "min" || spec.type === "max" || spec.type === "percentile_disc") {
    const type = spec.field?.type ?? "esriFieldTypeDouble";
    return type === "esriFieldTypeOID" ? "esriFieldTypeInteger" : type;
  }
  return "esriFieldTypeDouble";
}

function compute(spec: StatisticSpec, rows: SampleFeature[]): Value {
  if (spec.type === "count" && !spec.field) return rows.length;
  const key = spec.field!.name;
  const values: Value[] = [];
  for (const row of rows) {
    const v = row.attributes[key];
    if (v !== null && v !== undefined) values.push(v);
  }
  switch (spec.type) {
    case "count":
      return values.length;
    case "min":
      return values.length ? values.reduce((a, b) => (compareValues(b, a) < 0 ? b : a)) : null;
    case "max":
      return values.length ? values.reduce((a, b) => (compareValues(b, a) > 0 ? b : a)) : null;
  }
  const numbers = values.map(Number);
  const n = numbers.length;
  if (n === 0) return null;
  const sum = numbers.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  switch (spec.type) {
    case "sum":
      return sum;
    case "avg":
      return mean;
    case "var":
    case "stddev": {
      // Sample variance (n - 1), as the databases behind ArcGIS compute STDEV/VAR.
      if (n < 2) return null;
      const variance = numbers.reduce((acc, v) => acc + (v - mean) ** 2, 0) / (n - 1);
      return spec.type === "var" ? variance : Math.sqrt(variance);
    }
  }
  // Percentiles.
  const { value, descending } = spec.percentile!;
  const sorted = spec.type === "percentile_disc" ? [...values].sort(compareValues) : [...numbers].sort((a, b) => a - b);
  if (descending) sorted.reverse();
  if (spec.type === "percentile_disc") {
    return sorted[Math.max(0, Math.ceil(value * n) - 1)];
  }
  const position = value * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] as number;
  const b = sorted[upper] as number;
  return a + (b - a) * (position - lower);
}

/**
 * COUNT/MIN/MAX of the object id over a contiguous run of ids, known without reading rows
 * (what a database answers from its index).
 */
export interface ObjectIdSummary {
  count: number;
  min: number | null;
  max: number | null;
}

/** The statistics response body for the selected rows (or, for id-only statistics, their id summary). */
export function statisticsBody(
  rows: SampleFeature[] | ObjectIdSummary,
  rawSpecs: unknown,
  groupByNames: string[] | undefined,
  orderByText: string | undefined,
  fields: FieldIndex,
): unknown {
  const specs = parseSpecs(rawSpecs, fields);
  const groupFields = (groupByNames ?? []).map((name) => {
    const field = fields.find(name);
    if (!field) throw invalidQuery(`'groupByFieldsForStatistics' parameter is invalid: Invalid field: ${name}`);
    return field;
  });
  if (!Array.isArray(rows)) {
    const summary = rows;
    const attributes: Record<string, Value> = {};
    for (const spec of specs) attributes[spec.outName] = spec.type === "count" ? summary.count : spec.type === "min" ? summary.min : summary.max;
    return statisticsEnvelope([], specs, [attributes]);
  }
  const groups = new Map<string, SampleFeature[]>();
  if (groupFields.length === 0) groups.set("", rows);
  else {
    for (const row of rows) {
      const key = JSON.stringify(groupFields.map((f) => row.attributes[f.name] ?? null));
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(row);
    }
  }
  const records: Record<string, Value>[] = [];
  for (const groupRows of groups.values()) {
    const attributes: Record<string, Value> = {};
    for (const f of groupFields) attributes[f.name] = groupRows[0].attributes[f.name] ?? null;
    for (const spec of specs) attributes[spec.outName] = compute(spec, groupRows);
    records.push(attributes);
  }
  const outNames = new Map<string, string>();
  for (const f of groupFields) outNames.set(f.name.toLowerCase(), f.name);
  for (const spec of specs) outNames.set(spec.outName.toLowerCase(), spec.outName);
  const order = orderByText
    ? parseOrderBy(orderByText, (name) => outNames.get(name.toLowerCase()))
    : groupFields.map((f) => ({ key: f.name, descending: false }));
  records.sort(recordComparator(order));
  return statisticsEnvelope(groupFields, specs, records);
}

/** The answer's envelope: field list and aliases for the group and statistic columns. */
function statisticsEnvelope(groupFields: SampleField[], specs: StatisticSpec[], records: Record<string, Value>[]): unknown {
  const fieldAliases: Record<string, string> = {};
  const outFields: { name: string; type: string; alias: string; length?: number }[] = [];
  for (const f of groupFields) {
    fieldAliases[f.name] = f.alias ?? f.name;
    const out: { name: string; type: string; alias: string; length?: number } = { name: f.name, type: f.type, alias: f.alias ?? f.name };
    if (f.length !== undefined) out.length = f.length;
    outFields.push(out);
  }
  for (const spec of specs) {
    fieldAliases[spec.outName] = spec.outName;
    outFields.push({ name: spec.outName, type: outputType(spec), alias: spec.outName });
  }
  return {
    displayFieldName: "",
    fieldAliases,
    fields: outFields,
    features: records.map((attributes) => ({ attributes })),
  };
}
