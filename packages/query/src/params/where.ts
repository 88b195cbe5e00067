/**
 * Where-clause helpers. Paging clauses are always ANDed with the user's clause,
 * each side in parentheses, so an `OR` in the user's where can never widen a page.
 */

/** True for clauses that select everything (`""`, `1=1`, `1 = 1`). */
export function isTrivialWhere(where: string | undefined): boolean {
  if (where === undefined) return true;
  const compact = where.replace(/\s+/g, "");
  return compact === "" || compact === "1=1" || compact === "(1=1)";
}

/** Combines clauses with AND; trivial clauses are dropped; `1=1` when nothing is left. */
export function andWhere(...clauses: (string | undefined)[]): string {
  const kept = clauses.filter((c): c is string => c !== undefined && !isTrivialWhere(c));
  if (kept.length === 0) return "1=1";
  if (kept.length === 1) return kept[0];
  return kept.map((c) => `(${c})`).join(" AND ");
}

/** `OID >= a AND OID <= b` for an object id range (both ends included). */
export function oidRangeWhere(oidField: string, from: number, to: number): string {
  return from === to ? `${oidField} = ${from}` : `${oidField} >= ${from} AND ${oidField} <= ${to}`;
}

/** `OID > a` — everything after a given object id. */
export function oidAfterWhere(oidField: string, after: number): string {
  return `${oidField} > ${after}`;
}
