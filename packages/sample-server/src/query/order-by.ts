/** orderByFields: parsing "a ASC, b DESC" and comparing rows (nulls first ascending, as SQL Server and file geodatabases do). */
import type { SampleFeature, SampleField } from "../data/types.js";
import { invalidQuery } from "./errors.js";
import type { FieldIndex } from "./fields.js";

/** One sort key. */
export interface OrderTerm {
  /** Attribute key to sort on. */
  key: string;
  descending: boolean;
  field?: SampleField;
}

/** Parses orderByFields; names resolve case-insensitively through `resolve` (unknown → 400 error). */
export function parseOrderBy(text: string | undefined, resolve: (name: string) => string | undefined): OrderTerm[] {
  if (text === undefined) return [];
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const m = /^(.+?)(?:\s+(ASC|DESC))?$/i.exec(part);
      if (!m) throw invalidQuery(`'orderByFields' parameter is invalid: '${part}'`);
      const key = resolve(m[1].trim());
      if (key === undefined) throw invalidQuery(`'orderByFields' parameter is invalid: Invalid field: ${m[1].trim()}`);
      return { key, descending: (m[2] ?? "ASC").toUpperCase() === "DESC" };
    });
}

/** Parses orderByFields against a layer's fields. */
export function parseLayerOrderBy(text: string | undefined, fields: FieldIndex): OrderTerm[] {
  return parseOrderBy(text, (name) => fields.find(name)?.name);
}

type Value = string | number | boolean | null | undefined;

/** Compares two values; null/undefined sort first. */
export function compareValues(a: Value, b: Value): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A comparator over attribute records for the given terms. */
export function recordComparator(terms: OrderTerm[]): (a: Record<string, Value>, b: Record<string, Value>) => number {
  return (a, b) => {
    for (const term of terms) {
      const c = compareValues(a[term.key], b[term.key]);
      if (c !== 0) return term.descending ? -c : c;
    }
    return 0;
  };
}

/** A comparator over features: the terms, then object id (so paging over ties stays stable). */
export function featureComparator(terms: OrderTerm[], oidField: string): (a: SampleFeature, b: SampleFeature) => number {
  const byTerms = recordComparator(terms);
  return (a, b) => byTerms(a.attributes, b.attributes) || compareValues(a.attributes[oidField], b.attributes[oidField]);
}

/** Whether the terms are just the object id ascending (the natural order). */
export function isObjectIdOrder(terms: OrderTerm[], oidField: string): boolean {
  return terms.length === 0 || (terms.length === 1 && terms[0].key === oidField && !terms[0].descending);
}
