/**
 * Compiles a where-clause tree into closures over a feature's attributes, so a clause is
 * type-checked once and evaluated row by row without walking the tree. SQL three-valued logic:
 * a predicate yields true, false or null (unknown), and only true selects a row.
 */
import type { CompareOp, WhereNode } from "./ast.js";
import { type FieldIndex, valueClassOf } from "../fields.js";
import { parseDateLiteral } from "./date-literal.js";
import { WhereSemanticError } from "./where-error.js";

/** Attribute values of one row. */
export type Row = Record<string, string | number | boolean | null>;
type Scalar = string | number | null;
type ValueType = "number" | "string" | "date" | "null";

interface ValueExpr {
  type: ValueType;
  /** The constant value, when the expression does not depend on the row. */
  constant?: Scalar;
  eval: (row: Row) => Scalar;
}

/** A compiled predicate: true selects the row; false and null (unknown) do not. */
export type Predicate = (row: Row) => boolean | null;

const BOOLEAN_KINDS = new Set(["compare", "and", "or", "not", "in", "between", "like", "isNull"]);

function constant(type: ValueType, value: Scalar): ValueExpr {
  return { type, constant: value, eval: () => value };
}

function describeType(type: ValueType): string {
  return type === "date" ? "date" : type;
}

class Compiler {
  constructor(private readonly fields: FieldIndex) {}

  predicate(node: WhereNode): Predicate {
    switch (node.kind) {
      case "and": {
        const l = this.predicate(node.left);
        const r = this.predicate(node.right);
        return (row) => {
          const a = l(row);
          if (a === false) return false;
          const b = r(row);
          if (b === false) return false;
          return a === null || b === null ? null : true;
        };
      }
      case "or": {
        const l = this.predicate(node.left);
        const r = this.predicate(node.right);
        return (row) => {
          const a = l(row);
          if (a === true) return true;
          const b = r(row);
          if (b === true) return true;
          return a === null || b === null ? null : false;
        };
      }
      case "not": {
        const inner = this.predicate(node.operand);
        return (row) => {
          const v = inner(row);
          return v === null ? null : !v;
        };
      }
      case "compare":
        return this.compare(node.op, node.left, node.right);
      case "in":
        return this.inList(node.operand, node.values, node.negated);
      case "between": {
        const low = this.compare(">=", node.operand, node.low);
        const high = this.compare("<=", node.operand, node.high);
        return (row) => {
          const a = low(row);
          const b = a === false ? false : high(row);
          const v = a === false || b === false ? false : a === null || b === null ? null : true;
          return node.negated && v !== null ? !v : v;
        };
      }
      case "like":
        return this.like(node.operand, node.pattern, node.escape, node.negated);
      case "isNull": {
        const operand = this.value(node.operand);
        return node.negated ? (row) => operand.eval(row) !== null : (row) => operand.eval(row) === null;
      }
      default:
        throw new WhereSemanticError(`expected a condition but found ${this.describeNode(node)}`);
    }
  }

  private describeNode(node: WhereNode): string {
    switch (node.kind) {
      case "field":
        return `field ${node.name}`;
      case "number":
        return `number ${node.value}`;
      case "string":
        return `string '${node.value}'`;
      default:
        return `a ${node.kind} expression`;
    }
  }

  /** Brings two operands to a common type (coercing string literals to numbers or dates), or fails. */
  private unify(a: ValueExpr, b: ValueExpr, what: string): [ValueExpr, ValueExpr] {
    if (a.type === b.type || a.type === "null" || b.type === "null") return [a, b];
    const coerced = this.coerceLiteral(b, a.type) ?? null;
    if (coerced) return [a, coerced];
    const coercedA = this.coerceLiteral(a, b.type) ?? null;
    if (coercedA) return [coercedA, b];
    throw new WhereSemanticError(`cannot compare ${describeType(a.type)} with ${describeType(b.type)} in ${what}`);
  }

  private coerceLiteral(expr: ValueExpr, target: ValueType): ValueExpr | undefined {
    if (expr.type !== "string" || typeof expr.constant !== "string") return undefined;
    if (target === "number") {
      const n = Number(expr.constant);
      if (expr.constant.trim() === "" || Number.isNaN(n)) {
        throw new WhereSemanticError(`'${expr.constant}' is not a number`);
      }
      return constant("number", n);
    }
    if (target === "date") {
      const d = parseDateLiteral(expr.constant);
      if (d === null) throw new WhereSemanticError(`'${expr.constant}' is not a date`);
      return constant("date", d);
    }
    return undefined;
  }

  private compare(op: CompareOp, leftNode: WhereNode, rightNode: WhereNode): Predicate {
    const [l, r] = this.unify(this.value(leftNode), this.value(rightNode), `comparison '${op}'`);
    const test = COMPARATORS[op];
    if (r.constant !== undefined) {
      const rv = r.constant;
      if (rv === null) return () => null;
      const le = l.eval;
      return (row) => {
        const a = le(row);
        return a === null ? null : test(a, rv);
      };
    }
    return (row) => {
      const a = l.eval(row);
      if (a === null) return null;
      const b = r.eval(row);
      return b === null ? null : test(a, b);
    };
  }

  private inList(operandNode: WhereNode, valueNodes: WhereNode[], negated: boolean): Predicate {
    const operand = this.value(operandNode);
    const values = valueNodes.map((node) => this.unify(operand, this.value(node), "IN list")[1]);
    const constants = values.every((v) => v.constant !== undefined);
    if (constants) {
      const set = new Set<Scalar>();
      let hasNull = false;
      for (const v of values) {
        if (v.constant === null) hasNull = true;
        else set.add(v.constant as Scalar);
      }
      return (row) => {
        const a = operand.eval(row);
        if (a === null) return null;
        if (set.has(a)) return !negated;
        return hasNull ? null : negated;
      };
    }
    return (row) => {
      const a = operand.eval(row);
      if (a === null) return null;
      let unknown = false;
      for (const v of values) {
        const b = v.eval(row);
        if (b === null) unknown = true;
        else if (a === b) return !negated;
      }
      return unknown ? null : negated;
    };
  }

  private like(operandNode: WhereNode, patternNode: WhereNode, escape: string | null, negated: boolean): Predicate {
    const operand = this.value(operandNode);
    const pattern = this.value(patternNode);
    if (pattern.type !== "string" && pattern.type !== "null") {
      throw new WhereSemanticError(`LIKE needs a string pattern, not a ${describeType(pattern.type)}`);
    }
    const asText = (v: Scalar): string => (typeof v === "number" && operand.type === "date" ? new Date(v).toISOString() : String(v));
    if (pattern.constant !== undefined) {
      if (pattern.constant === null) return () => null;
      const regex = likeToRegExp(String(pattern.constant), escape);
      return (row) => {
        const a = operand.eval(row);
        if (a === null) return null;
        return regex.test(asText(a)) !== negated;
      };
    }
    return (row) => {
      const a = operand.eval(row);
      const p = pattern.eval(row);
      if (a === null || p === null) return null;
      return likeToRegExp(String(p), escape).test(asText(a)) !== negated;
    };
  }

  value(node: WhereNode): ValueExpr {
    switch (node.kind) {
      case "number":
        return constant("number", node.value);
      case "string":
        return constant("string", node.value);
      case "date":
        return constant("date", node.value);
      case "null":
        return constant("null", null);
      case "field":
        return this.field(node.name);
      case "negate": {
        const inner = this.value(node.operand);
        if (inner.type !== "number" && inner.type !== "null") {
          throw new WhereSemanticError(`cannot negate a ${describeType(inner.type)}`);
        }
        return { type: "number", eval: (row) => {
          const v = inner.eval(row);
          return v === null ? null : -(v as number);
        } };
      }
      case "arithmetic":
        return this.arithmetic(node.op, this.value(node.left), this.value(node.right));
      case "call":
        return this.call(node.name, node.args.map((arg) => this.value(arg)));
      default:
        if (BOOLEAN_KINDS.has(node.kind)) {
          throw new WhereSemanticError(`a condition cannot be used as a value`);
        }
        throw new WhereSemanticError(`unsupported expression ${node.kind}`);
    }
  }

  private field(name: string): ValueExpr {
    const field = this.fields.find(name);
    if (!field) throw new WhereSemanticError(`Invalid field: ${name}`);
    const cls = valueClassOf(field.type);
    if (cls === "other") throw new WhereSemanticError(`field ${field.name} of type ${field.type} cannot be used in a where clause`);
    const key = field.name;
    return {
      type: cls,
      eval: (row) => {
        const v = row[key];
        if (v === undefined || v === null) return null;
        return typeof v === "boolean" ? (v ? 1 : 0) : v;
      },
    };
  }

  private arithmetic(op: string, l: ValueExpr, r: ValueExpr): ValueExpr {
    if (op === "||") {
      return { type: "string", eval: (row) => {
        const a = l.eval(row);
        const b = r.eval(row);
        return a === null || b === null ? null : String(a) + String(b);
      } };
    }
    // Date +/- number of days, as the SQL dialects behind ArcGIS do.
    if (l.type === "date" && r.type === "number" && (op === "+" || op === "-")) {
      const sign = op === "+" ? 1 : -1;
      return { type: "date", eval: (row) => {
        const a = l.eval(row);
        const b = r.eval(row);
        return a === null || b === null ? null : (a as number) + sign * (b as number) * 86_400_000;
      } };
    }
    for (const side of [l, r]) {
      if (side.type !== "number" && side.type !== "null") {
        throw new WhereSemanticError(`arithmetic '${op}' needs numbers, not a ${describeType(side.type)}`);
      }
    }
    const apply = ARITHMETIC[op];
    return { type: "number", eval: (row) => {
      const a = l.eval(row);
      if (a === null) return null;
      const b = r.eval(row);
      if (b === null) return null;
      const v = apply(a as number, b as number);
      return Number.isFinite(v) ? v : null;
    } };
  }

  private call(name: string, args: ValueExpr[]): ValueExpr {
    const spec = FUNCTIONS[name];
    if (!spec) throw new WhereSemanticError(`unknown function ${name}`);
    if (args.length < spec.min || args.length > spec.max) {
      throw new WhereSemanticError(`${name} takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} argument(s)`);
    }
    args.forEach((arg, i) => {
      const want = spec.args[Math.min(i, spec.args.length - 1)];
      if (want !== "any" && arg.type !== "null" && arg.type !== want) {
        throw new WhereSemanticError(`${name} needs a ${want} as argument ${i + 1}, not a ${describeType(arg.type)}`);
      }
    });
    const type = spec.result === "same" ? (args[0]?.type ?? "null") : spec.result;
    return { type, eval: (row) => spec.fn(args.map((arg) => arg.eval(row))) };
  }
}

const COMPARATORS: Record<CompareOp, (a: string | number, b: string | number) => boolean> = {
  "=": (a, b) => a === b,
  "<>": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
};

interface FunctionSpec {
  min: number;
  max: number;
  args: ("number" | "string" | "date" | "any")[];
  result: ValueType | "same";
  fn: (args: Scalar[]) => Scalar;
}

function nullSafe(fn: (args: (string | number)[]) => Scalar): (args: Scalar[]) => Scalar {
  return (args) => (args.some((a) => a === null) ? null : fn(args as (string | number)[]));
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  UPPER: { min: 1, max: 1, args: ["string"], result: "string", fn: nullSafe(([s]) => String(s).toUpperCase()) },
  LOWER: { min: 1, max: 1, args: ["string"], result: "string", fn: nullSafe(([s]) => String(s).toLowerCase()) },
  TRIM: { min: 1, max: 1, args: ["string"], result: "string", fn: nullSafe(([s]) => String(s).trim()) },
  CHAR_LENGTH: { min: 1, max: 1, args: ["string"], result: "number", fn: nullSafe(([s]) => String(s).length) },
  CONCAT: { min: 2, max: 2, args: ["any"], result: "string", fn: nullSafe(([a, b]) => String(a) + String(b)) },
  SUBSTRING: {
    min: 2,
    max: 3,
    args: ["string", "number", "number"],
    result: "string",
    fn: nullSafe(([s, start, length]) => {
      const from = Math.max(0, (start as number) - 1);
      return length === undefined ? String(s).slice(from) : String(s).slice(from, from + Math.max(0, length as number));
    }),
  },
  ABS: { min: 1, max: 1, args: ["number"], result: "number", fn: nullSafe(([n]) => Math.abs(n as number)) },
  CEILING: { min: 1, max: 1, args: ["number"], result: "number", fn: nullSafe(([n]) => Math.ceil(n as number)) },
  FLOOR: { min: 1, max: 1, args: ["number"], result: "number", fn: nullSafe(([n]) => Math.floor(n as number)) },
  ROUND: {
    min: 1,
    max: 2,
    args: ["number"],
    result: "number",
    fn: nullSafe(([n, digits]) => {
      const f = 10 ** ((digits as number | undefined) ?? 0);
      return Math.round((n as number) * f) / f;
    }),
  },
  MOD: { min: 2, max: 2, args: ["number"], result: "number", fn: nullSafe(([a, b]) => ((b as number) === 0 ? null : (a as number) % (b as number))) },
  ...extractFunctions(),
  COALESCE: {
    min: 1,
    max: 16,
    args: ["any"],
    result: "same",
    fn: (args) => args.find((a) => a !== null) ?? null,
  },
};

function extractFunctions(): Record<string, FunctionSpec> {
  const parts: Record<string, (d: Date) => number> = {
    YEAR: (d) => d.getUTCFullYear(),
    MONTH: (d) => d.getUTCMonth() + 1,
    DAY: (d) => d.getUTCDate(),
    HOUR: (d) => d.getUTCHours(),
    MINUTE: (d) => d.getUTCMinutes(),
    SECOND: (d) => d.getUTCSeconds(),
  };
  const out: Record<string, FunctionSpec> = {};
  for (const [part, get] of Object.entries(parts)) {
    out[`EXTRACT_${part}`] = { min: 1, max: 1, args: ["date"], result: "number", fn: nullSafe(([t]) => get(new Date(t as number))) };
  }
  return out;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Translates a LIKE pattern (`%` any run, `_` one character, optional escape character) to a RegExp. */
export function likeToRegExp(pattern: string, escape: string | null): RegExp {
  let source = "^";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (escape !== null && ch === escape && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i]);
    } else if (ch === "%") {
      source += "[\\s\\S]*";
    } else if (ch === "_") {
      source += "[\\s\\S]";
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(source + "$");
}

/** Compiles a parsed clause against a layer's fields; throws WhereSemanticError for unknown fields or type errors. */
export function compilePredicate(node: WhereNode, fields: FieldIndex): Predicate {
  return new Compiler(fields).predicate(node);
}
