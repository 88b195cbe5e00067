import type { Geometry } from "@arcrest/core";
import type { FeatureValue } from "../types.js";

/** A value in a cursor row: an attribute, a `Geometry` (`SHAPE@`), a pair (`SHAPE@XY`) or JSON text (`SHAPE@JSON`). */
export type CursorValue = FeatureValue | Geometry | [number, number];

/**
 * One row of a cursor: values in the order of the requested fields, like an
 * arcpy row. Iterable, so it destructures: `const [shape, id, status] = row`.
 */
export class Row implements Iterable<CursorValue> {
  /** Column names, in order. */
  readonly fields: readonly string[];
  /** Values, in column order. */
  readonly values: readonly CursorValue[];

  /**
   * @param fields - column names (shared by every row of a cursor)
   * @param values - this row's values
   */
  constructor(fields: readonly string[], values: CursorValue[]) {
    this.fields = fields;
    this.values = values;
  }

  /** The value of a column by name (case-insensitive) or position; `undefined` when absent. */
  get(column: string | number): CursorValue | undefined {
    if (typeof column === "number") return this.values[column];
    const exact = this.fields.indexOf(column);
    const index = exact >= 0 ? exact : this.fields.findIndex((f) => f.toLowerCase() === column.toLowerCase());
    return index >= 0 ? this.values[index] : undefined;
  }

  /** The row as an object keyed by column name. */
  toObject(): Record<string, CursorValue> {
    const out: Record<string, CursorValue> = {};
    this.fields.forEach((f, i) => (out[f] = this.values[i]));
    return out;
  }

  /** Number of columns. */
  get length(): number {
    return this.values.length;
  }

  [Symbol.iterator](): Iterator<CursorValue> {
    return this.values[Symbol.iterator]();
  }

  /** For `console.log` and JSON: the row as an object. */
  toJSON(): Record<string, CursorValue> {
    return this.toObject();
  }
}
