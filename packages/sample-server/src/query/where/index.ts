/** Where clauses: parse, type-check against a layer, and find object-id bounds for fast paging. */
import type { WhereNode } from "./ast.js";
import type { FieldIndex } from "../fields.js";
import { compilePredicate, type Predicate } from "./compile.js";
import { parseWhere } from "./parser.js";
import { WhereSemanticError, WhereSyntaxError } from "./where-error.js";
import { invalidQuery } from "../errors.js";

export type { Predicate, Row } from "./compile.js";
export { parseWhere } from "./parser.js";
export { WhereSemanticError, WhereSyntaxError } from "./where-error.js";

/** An inclusive object-id interval every selected row lies in. */
export interface OidBounds {
  lo: number;
  hi: number;
}

/** A where clause ready to run. */
export interface CompiledWhere {
  /** Row test, or null when the clause selects every row (e.g. `1=1`). */
  predicate: Predicate | null;
  /** True when the clause can select no row at all (e.g. `1=0`). */
  selectsNothing: boolean;
  /** Object-id bounds implied by top-level AND terms, to narrow the rows scanned. */
  oidBounds: OidBounds | null;
}

function referencesFields(node: WhereNode): boolean {
  switch (node.kind) {
    case "field":
      return true;
    case "number":
    case "string":
    case "date":
    case "null":
      return false;
    case "negate":
    case "not":
      return referencesFields(node.operand);
    case "arithmetic":
    case "compare":
    case "and":
    case "or":
      return referencesFields(node.left) || referencesFields(node.right);
    case "call":
      return node.args.some(referencesFields);
    case "in":
      return referencesFields(node.operand) || node.values.some(referencesFields);
    case "between":
      return referencesFields(node.operand) || referencesFields(node.low) || referencesFields(node.high);
    case "like":
      return referencesFields(node.operand) || referencesFields(node.pattern);
    case "isNull":
      return referencesFields(node.operand);
  }
}

function conjuncts(node: WhereNode, out: WhereNode[] = []): WhereNode[] {
  if (node.kind === "and") {
    conjuncts(node.left, out);
    conjuncts(node.right, out);
  } else {
    out.push(node);
  }
  return out;
}

/** Object-id bounds implied by a clause, and whether they say all the clause says. */
export interface OidBoundsAnalysis {
  bounds: OidBounds | null;
  /** Every top-level AND term is an object-id range term: the bounds alone decide. */
  exact: boolean;
}

/**
 * Object-id bounds of the top-level AND terms of the form `oid <op> number`, `oid BETWEEN a AND b`,
 * `oid IN (...)`. Object ids are integers, so strict comparisons tighten to the next integer.
 */
export function analyseOidBounds(node: WhereNode, isOidField: (name: string) => boolean): OidBoundsAnalysis {
  let lo = -Infinity;
  let hi = Infinity;
  let exact = true;
  const isOid = (n: WhereNode): boolean => n.kind === "field" && isOidField(n.name);
  for (const term of conjuncts(node)) {
    if (term.kind === "compare") {
      let op = term.op;
      let value: number | null = null;
      if (isOid(term.left) && term.right.kind === "number") value = term.right.value;
      else if (isOid(term.right) && term.left.kind === "number") {
        value = term.left.value;
        op = ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "<>": "<>" } as const)[op];
      }
      if (value === null || op === "<>") {
        exact = false;
        continue;
      }
      if (op === "=") {
        if (!Number.isInteger(value)) return { bounds: { lo: 1, hi: 0 }, exact: true };
        lo = Math.max(lo, value);
        hi = Math.min(hi, value);
      } else if (op === ">") lo = Math.max(lo, Math.floor(value) + 1);
      else if (op === ">=") lo = Math.max(lo, Math.ceil(value));
      else if (op === "<") hi = Math.min(hi, Math.ceil(value) - 1);
      else hi = Math.min(hi, Math.floor(value));
    } else if (term.kind === "between" && !term.negated && isOid(term.operand) && term.low.kind === "number" && term.high.kind === "number") {
      lo = Math.max(lo, Math.ceil(term.low.value));
      hi = Math.min(hi, Math.floor(term.high.value));
    } else if (term.kind === "in" && !term.negated && isOid(term.operand) && term.values.every((v) => v.kind === "number")) {
      const values = term.values.map((v) => (v as { value: number }).value);
      lo = Math.max(lo, Math.ceil(Math.min(...values)));
      hi = Math.min(hi, Math.floor(Math.max(...values)));
      exact = false;
    } else {
      exact = false;
    }
  }
  const bounds = lo === -Infinity && hi === Infinity ? null : { lo, hi };
  return { bounds, exact: exact && bounds !== null };
}

/** Object-id bounds of a clause's top-level AND terms (see {@link analyseOidBounds}). */
export function oidBoundsOf(node: WhereNode, isOidField: (name: string) => boolean): OidBounds | null {
  return analyseOidBounds(node, isOidField).bounds;
}

/**
 * Parses and compiles `where` for a layer. Bad syntax, unknown fields and type errors become
 * the 400 error body ArcGIS Server sends for an invalid where clause.
 */
export function compileWhere(where: string, fields: FieldIndex, oidField: string): CompiledWhere {
  const text = where.trim();
  if (text === "") return { predicate: null, selectsNothing: false, oidBounds: null };
  try {
    const node = parseWhere(text);
    const predicate = compilePredicate(node, fields);
    if (!referencesFields(node)) {
      const value = predicate({});
      return value === true
        ? { predicate: null, selectsNothing: false, oidBounds: null }
        : { predicate: null, selectsNothing: true, oidBounds: null };
    }
    const oidLower = oidField.toLowerCase();
    const { bounds, exact } = analyseOidBounds(node, (name) => name.toLowerCase() === oidLower);
    // A pure id-range clause is answered by the bounds alone (the paging fast path).
    return { predicate: exact ? null : predicate, selectsNothing: false, oidBounds: bounds };
  } catch (error) {
    if (error instanceof WhereSyntaxError || error instanceof WhereSemanticError) {
      throw invalidQuery(`'where' parameter is invalid: ${error.message}`);
    }
    throw error;
  }
}
