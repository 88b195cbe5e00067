import { ValidationError } from "@arcrest/core";

/** Values {@link sqlLiteral} and {@link sql} write into a where clause. */
export type SqlValue = string | number | bigint | boolean | Date | null;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * A value as an ArcGIS (standardised SQL) literal: strings quoted with `'` doubled, numbers as they
 * print, booleans as 1/0, dates as `timestamp 'YYYY-MM-DD HH:MM:SS'` in UTC, `null` as NULL.
 *
 * @example
 * ```ts
 * sqlLiteral("O'Brien");   // "'O''Brien'"
 * ```
 * @throws ValidationError for NaN, infinities, an invalid Date or a value of another type
 */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  switch (typeof value) {
    case "string":
      return `'${value.replace(/'/g, "''")}'`;
    case "number":
      if (!Number.isFinite(value)) throw new ValidationError("value", `${value} cannot be written in a where clause`);
      return String(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "1" : "0";
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new ValidationError("value", "is an invalid Date");
        const d = value;
        return `timestamp '${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}'`;
      }
      throw new ValidationError("value", `a ${typeof value} cannot be written in a where clause`);
  }
}

/**
 * Builds a where clause with every interpolated value written as a literal, so quotes, `%`,
 * newlines or any other characters in a value can never change the clause.
 *
 * @example
 * ```ts
 * const where = sql`state = ${state} AND stage > ${minStage}`;
 * for await (const f of lyr.features({ where })) {}
 * ```
 */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): string {
  return strings.reduce((clause, text, i) => clause + text + (i < values.length ? sqlLiteral(values[i]) : ""), "");
}

/**
 * `field IN (v1, v2, …)` (or `1=0` for no values: nothing matches).
 *
 * @example
 * ```ts
 * whereIn("gaugelid", ["FLRK2", "ARPT2"]); // "gaugelid IN ('FLRK2', 'ARPT2')"
 * ```
 * @throws ValidationError when `field` is not a plain field name
 */
export function whereIn(field: string, values: readonly SqlValue[]): string {
  if (!IDENTIFIER.test(field)) throw new ValidationError("field", `"${field}" is not a field name`);
  return values.length === 0 ? "1=0" : `${field} IN (${values.map(sqlLiteral).join(", ")})`;
}
