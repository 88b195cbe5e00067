import type { Column } from "./columns.js";

/** The attributes of a feature, as writers read them. */
type Attributes = Record<string, unknown> | null | undefined;

/** How one writer encodes the values a column kind commonly holds; every other value goes to `other`. */
export interface KindEncoders<T> {
  /** A finite number in an integer or double column. */
  number?: (value: number) => T;
  /** A string in a string or guid column. */
  string?: (value: string) => T;
  /** Finite epoch milliseconds (a valid `Date` as its time) in a date column. */
  date?: (ms: number) => T;
  /** What `null` and `undefined` become. */
  empty: T;
  /** The writer's general path (through `plainValue`): non-finite numbers, other types, other kinds. */
  other: (attributes: Attributes) => T;
}

/**
 * A column's value encoder that takes the common cases (numbers, strings, epoch dates) straight to the
 * writer's own formatting, without `plainValue`. The fast cases must give what `other` gives for them.
 */
export function columnEncoder<T>(column: Column, { number, string, date, empty, other }: KindEncoders<T>): (attributes: Attributes) => T {
  const name = column.name;
  switch (column.kind) {
    case "integer":
    case "double":
      if (!number) return other;
      return (attributes) => {
        const value = attributes?.[name];
        if (typeof value === "number" && Number.isFinite(value)) return number(value);
        return value === null || value === undefined ? empty : other(attributes);
      };
    case "string":
    case "guid":
      if (!string) return other;
      return (attributes) => {
        const value = attributes?.[name];
        if (typeof value === "string") return string(value);
        return value === null || value === undefined ? empty : other(attributes);
      };
    case "date":
      if (!date) return other;
      return (attributes) => {
        const value = attributes?.[name];
        if (typeof value === "number" && Number.isFinite(value)) return date(value);
        if (value instanceof Date && Number.isFinite(value.getTime())) return date(value.getTime());
        return value === null || value === undefined ? empty : other(attributes);
      };
    default:
      return other;
  }
}
