/** Abstract syntax tree of a where clause (the SQL-92 subset ArcGIS accepts). */

/** Comparison operators; `!=` is normalised to `<>`. */
export type CompareOp = "=" | "<>" | "<" | "<=" | ">" | ">=";

/** Arithmetic and string concatenation operators. */
export type ArithmeticOp = "+" | "-" | "*" | "/" | "||";

/** A node of a parsed where clause. */
export type WhereNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "date"; value: number }
  | { kind: "null" }
  | { kind: "field"; name: string }
  | { kind: "negate"; operand: WhereNode }
  | { kind: "arithmetic"; op: ArithmeticOp; left: WhereNode; right: WhereNode }
  | { kind: "call"; name: string; args: WhereNode[] }
  | { kind: "compare"; op: CompareOp; left: WhereNode; right: WhereNode }
  | { kind: "and"; left: WhereNode; right: WhereNode }
  | { kind: "or"; left: WhereNode; right: WhereNode }
  | { kind: "not"; operand: WhereNode }
  | { kind: "in"; operand: WhereNode; values: WhereNode[]; negated: boolean }
  | { kind: "between"; operand: WhereNode; low: WhereNode; high: WhereNode; negated: boolean }
  | { kind: "like"; operand: WhereNode; pattern: WhereNode; escape: string | null; negated: boolean }
  | { kind: "isNull"; operand: WhereNode; negated: boolean };
