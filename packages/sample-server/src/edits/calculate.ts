/**
 * The layer `calculate` operation: sets fields of every selected feature to a value or to a
 * simple SQL expression (field references, literals, + - * / and parentheses), all or nothing.
 */
import type { SampleLayer } from "../data/types.js";
import { fieldIndexOf } from "../query/fields.js";
import type { StoredValue } from "./coerce-value.js";
import { EditError } from "./edit-error.js";
import { LayerTransaction, type CommittedChanges } from "./layer-transaction.js";

/** One entry of `calcExpression`. */
export interface CalcExpression {
  field: string;
  value?: unknown;
  sqlExpression?: string;
}

/** Thrown for a bad calculate request; becomes a 400 error body with these details. */
export class CalculateError extends Error {
  override name = "CalculateError";
}

type Token = { kind: "num"; value: number } | { kind: "str"; value: string } | { kind: "name"; value: string } | { kind: "op"; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?|\.\d+)|'((?:[^']|'')*)'|([A-Za-z_][A-Za-z0-9_.]*)|([-+*/()]))/y;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    re.lastIndex = index;
    const m = re.exec(text);
    if (!m) throw new CalculateError(`Invalid sqlExpression near '${text.slice(index)}'.`);
    if (m[1] !== undefined) tokens.push({ kind: "num", value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: "str", value: m[2].replace(/''/g, "'") });
    else if (m[3] !== undefined) tokens.push({ kind: "name", value: m[3] });
    else tokens.push({ kind: "op", value: m[4] });
    index = re.lastIndex;
  }
  return tokens;
}

type Expr = (row: Record<string, StoredValue>) => StoredValue;

/** Compiles an expression with the usual precedence; unknown fields are an error. */
function compile(text: string, layer: SampleLayer): Expr {
  const tokens = tokenize(text);
  const fields = fieldIndexOf(layer);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const arith = (op: string, a: StoredValue, b: StoredValue): StoredValue => {
    if (a === null || b === null) return null;
    if (op === "+" && (typeof a === "string" || typeof b === "string")) return `${String(a)}${String(b)}`;
    const x = Number(a);
    const y = Number(b);
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      default:
        return y === 0 ? null : x / y;
    }
  };
  const primary = (): Expr => {
    const t = tokens[pos++];
    if (!t) throw new CalculateError(`Incomplete sqlExpression '${text}'.`);
    if (t.kind === "num" || t.kind === "str") return () => t.value;
    if (t.kind === "name") {
      if (t.value.toUpperCase() === "NULL") return () => null;
      const field = fields.find(t.value);
      if (!field) throw new CalculateError(`Invalid field '${t.value}' in sqlExpression.`);
      return (row) => row[field.name] ?? null;
    }
    if (t.value === "(") {
      const inner = sum();
      if (tokens[pos++]?.value !== ")") throw new CalculateError(`Missing ')' in sqlExpression '${text}'.`);
      return inner;
    }
    if (t.value === "-") {
      const operand = primary();
      return (row) => {
        const v = operand(row);
        return v === null ? null : -Number(v);
      };
    }
    throw new CalculateError(`Unexpected '${t.value}' in sqlExpression.`);
  };
  const product = (): Expr => {
    let left = primary();
    while (peek()?.kind === "op" && (peek()?.value === "*" || peek()?.value === "/")) {
      const op = String(tokens[pos++].value);
      const l = left;
      const r = primary();
      left = (row) => arith(op, l(row), r(row));
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (peek()?.kind === "op" && (peek()?.value === "+" || peek()?.value === "-")) {
      const op = String(tokens[pos++].value);
      const l = left;
      const r = product();
      left = (row) => arith(op, l(row), r(row));
    }
    return left;
  };
  const expr = sum();
  if (pos !== tokens.length) throw new CalculateError(`Unexpected '${tokens[pos].value}' in sqlExpression.`);
  return expr;
}

/** Parses and checks `calcExpression` against a layer. */
export function parseCalcExpressions(value: unknown, layer: SampleLayer): { field: string; expr: Expr }[] {
  if (!Array.isArray(value) || value.length === 0) throw new CalculateError("'calcExpression' must be a non-empty array.");
  const fields = fieldIndexOf(layer);
  return value.map((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) throw new CalculateError("Every calcExpression entry must be an object.");
    const { field: name, value: literal, sqlExpression } = entry as CalcExpression;
    const field = typeof name === "string" ? fields.find(name) : undefined;
    if (!field) throw new CalculateError(`Invalid field '${String(name)}' in calcExpression.`);
    if (field.type === "esriFieldTypeOID" || field.type === "esriFieldTypeGlobalID" || field.editable === false) {
      throw new CalculateError(`Field '${field.name}' is not editable.`);
    }
    if (typeof sqlExpression === "string") return { field: field.name, expr: compile(sqlExpression, layer) };
    if (!("value" in (entry as object))) throw new CalculateError(`calcExpression for '${field.name}' needs a value or an sqlExpression.`);
    return { field: field.name, expr: () => literal as StoredValue };
  });
}

/**
 * Sets the fields of the features with `objectIds`; any failing value fails the whole
 * operation with nothing applied. Returns the number of updated features and the changes.
 */
export function calculate(
  layer: SampleLayer,
  objectIds: number[],
  expressions: { field: string; expr: Expr }[],
  now = Date.now(),
): { updatedFeatureCount: number; changes: CommittedChanges } {
  const txn = new LayerTransaction(layer, false);
  for (const oid of objectIds) {
    const feature = txn.feature(oid);
    if (!feature) continue;
    const attributes: Record<string, unknown> = { [layer.objectIdField]: oid };
    for (const { field, expr } of expressions) attributes[field] = expr(feature.attributes);
    try {
      txn.update({ attributes });
    } catch (error) {
      if (error instanceof EditError) throw new CalculateError(`Object ${oid}: ${error.description}`);
      throw error;
    }
  }
  const count = objectIds.length === 0 ? 0 : txn.isEmpty ? 0 : objectIds.filter((oid) => txn.feature(oid)).length;
  const changes = txn.commit(now);
  return { updatedFeatureCount: count, changes };
}
