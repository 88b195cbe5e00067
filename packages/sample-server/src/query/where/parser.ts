/** Recursive-descent parser from where-clause tokens to a {@link WhereNode} tree. */
import type { ArithmeticOp, CompareOp, WhereNode } from "./ast.js";
import { parseDateLiteral } from "./date-literal.js";
import { type Token, tokenize } from "./tokenizer.js";
import { WhereSyntaxError } from "./where-error.js";

const RESERVED = new Set(["AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "ESCAPE", "IS", "NULL"]);
const COMPARE_OPS = new Set(["=", "<>", "<", "<=", ">", ">="]);

function describe(token: Token): string {
  switch (token.type) {
    case "end":
      return "end of clause";
    case "string":
      return `'${token.value}'`;
    default:
      return `'${String(token.value)}'`;
  }
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): WhereNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type !== "end") throw this.unexpected(rest);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== "end") this.index++;
    return token;
  }

  private unexpected(token: Token): WhereSyntaxError {
    return new WhereSyntaxError(`unexpected ${describe(token)} at position ${token.pos}`);
  }

  /** Whether the next token is the keyword `word` (unquoted, any case). */
  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "identifier" && !token.quoted && token.value.toUpperCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) {
      const token = this.peek();
      throw new WhereSyntaxError(`expected ${word} but found ${describe(token)} at position ${token.pos}`);
    }
  }

  private isOperator(op: string): boolean {
    const token = this.peek();
    return token.type === "operator" && token.value === op;
  }

  private expectOperator(op: string): void {
    if (!this.isOperator(op)) {
      const token = this.peek();
      throw new WhereSyntaxError(`expected '${op}' but found ${describe(token)} at position ${token.pos}`);
    }
    this.index++;
  }

  private parseOr(): WhereNode {
    let left = this.parseAnd();
    while (this.acceptKeyword("OR")) left = { kind: "or", left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): WhereNode {
    let left = this.parseNot();
    while (this.acceptKeyword("AND")) left = { kind: "and", left, right: this.parseNot() };
    return left;
  }

  private parseNot(): WhereNode {
    if (this.acceptKeyword("NOT")) return { kind: "not", operand: this.parseNot() };
    return this.parsePredicate();
  }

  private parsePredicate(): WhereNode {
    const operand = this.parseAdditive();
    const token = this.peek();
    if (token.type === "operator" && COMPARE_OPS.has(token.value)) {
      this.index++;
      return { kind: "compare", op: token.value as CompareOp, left: operand, right: this.parseAdditive() };
    }
    if (this.acceptKeyword("IS")) {
      const negated = this.acceptKeyword("NOT");
      this.expectKeyword("NULL");
      return { kind: "isNull", operand, negated };
    }
    const negated = this.isKeyword("NOT") && (this.isKeyword("IN", 1) || this.isKeyword("BETWEEN", 1) || this.isKeyword("LIKE", 1));
    if (negated) this.index++;
    if (this.acceptKeyword("IN")) {
      this.expectOperator("(");
      const values = [this.parseAdditive()];
      while (this.isOperator(",")) {
        this.index++;
        values.push(this.parseAdditive());
      }
      this.expectOperator(")");
      return { kind: "in", operand, values, negated };
    }
    if (this.acceptKeyword("BETWEEN")) {
      const low = this.parseAdditive();
      this.expectKeyword("AND");
      const high = this.parseAdditive();
      return { kind: "between", operand, low, high, negated };
    }
    if (this.acceptKeyword("LIKE")) {
      const pattern = this.parseAdditive();
      let escape: string | null = null;
      if (this.acceptKeyword("ESCAPE")) {
        const esc = this.next();
        if (esc.type !== "string" || esc.value.length !== 1) {
          throw new WhereSyntaxError(`ESCAPE needs a one-character string at position ${esc.pos}`);
        }
        escape = esc.value;
      }
      return { kind: "like", operand, pattern, escape, negated };
    }
    return operand;
  }

  private parseAdditive(): WhereNode {
    let left = this.parseMultiplicative();
    for (;;) {
      const token = this.peek();
      if (token.type === "operator" && (token.value === "+" || token.value === "-" || token.value === "||")) {
        this.index++;
        left = { kind: "arithmetic", op: token.value as ArithmeticOp, left, right: this.parseMultiplicative() };
      } else {
        return left;
      }
    }
  }

  private parseMultiplicative(): WhereNode {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.type === "operator" && (token.value === "*" || token.value === "/")) {
        this.index++;
        left = { kind: "arithmetic", op: token.value as ArithmeticOp, left, right: this.parseUnary() };
      } else {
        return left;
      }
    }
  }

  private parseUnary(): WhereNode {
    if (this.isOperator("-")) {
      this.index++;
      const operand = this.parseUnary();
      return operand.kind === "number" ? { kind: "number", value: -operand.value } : { kind: "negate", operand };
    }
    if (this.isOperator("+")) {
      this.index++;
      return this.parseUnary();
    }
    return this.parsePrimary();
  }

  private parsePrimary(): WhereNode {
    const token = this.next();
    switch (token.type) {
      case "number":
        return { kind: "number", value: token.value };
      case "string":
        return { kind: "string", value: token.value };
      case "operator":
        if (token.value === "(") {
          const inner = this.parseOr();
          this.expectOperator(")");
          return inner;
        }
        throw this.unexpected(token);
      case "end":
        throw new WhereSyntaxError(`unexpected end of clause at position ${token.pos}`);
      case "identifier":
        return this.parseIdentifier(token);
    }
  }

  /** INTERVAL 'n' DAY|HOUR|MINUTE|SECOND, as a number of days. */
  private parseInterval(): WhereNode {
    const literal = this.next() as Token & { type: "string" };
    const amount = Number(literal.value.trim());
    if (literal.value.trim() === "" || !Number.isFinite(amount)) {
      throw new WhereSyntaxError(`invalid INTERVAL '${literal.value}' at position ${literal.pos}`);
    }
    const unit = this.next();
    const days = unit.type === "identifier" ? INTERVAL_DAYS[unit.value.toUpperCase()] : undefined;
    if (days === undefined) throw new WhereSyntaxError(`expected DAY, HOUR, MINUTE or SECOND after INTERVAL at position ${unit.pos}`);
    return { kind: "number", value: amount * days };
  }

  /** EXTRACT(part FROM expression). */
  private parseExtract(): WhereNode {
    this.expectOperator("(");
    const part = this.next();
    const name = part.type === "identifier" ? part.value.toUpperCase() : "";
    if (!EXTRACT_PARTS.has(name)) throw new WhereSyntaxError(`expected a date part (YEAR, MONTH, ...) in EXTRACT at position ${part.pos}`);
    this.expectKeyword("FROM");
    const operand = this.parseAdditive();
    this.expectOperator(")");
    return { kind: "call", name: `EXTRACT_${name}`, args: [operand] };
  }

  private parseIdentifier(token: Token & { type: "identifier" }): WhereNode {
    if (token.quoted) return { kind: "field", name: token.value };
    const upper = token.value.toUpperCase();
    if (upper === "NULL") return { kind: "null" };
    if ((upper === "DATE" || upper === "TIMESTAMP") && this.peek().type === "string") {
      const literal = this.next() as Token & { type: "string" };
      const value = parseDateLiteral(literal.value);
      if (value === null) throw new WhereSyntaxError(`invalid ${upper} literal '${literal.value}' at position ${literal.pos}`);
      return { kind: "date", value };
    }
    if (upper === "CURRENT_DATE") {
      const now = new Date();
      return { kind: "date", value: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) };
    }
    if (upper === "CURRENT_TIMESTAMP") return { kind: "date", value: Date.now() };
    if (upper === "INTERVAL" && this.peek().type === "string") return this.parseInterval();
    if (upper === "EXTRACT" && this.isOperator("(")) return this.parseExtract();
    if (this.isOperator("(")) {
      this.index++;
      const args: WhereNode[] = [];
      if (!this.isOperator(")")) {
        args.push(this.parseAdditive());
        while (this.isOperator(",")) {
          this.index++;
          args.push(this.parseAdditive());
        }
      }
      this.expectOperator(")");
      return { kind: "call", name: upper, args };
    }
    if (RESERVED.has(upper)) throw this.unexpected(token);
    return { kind: "field", name: token.value };
  }
}

/** Days per INTERVAL unit (intervals are added to dates as fractional days). */
const INTERVAL_DAYS: Record<string, number> = { DAY: 1, HOUR: 1 / 24, MINUTE: 1 / 1440, SECOND: 1 / 86400 };

/** Date parts EXTRACT accepts. */
const EXTRACT_PARTS = new Set(["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"]);

/** Parses a where clause; throws {@link WhereSyntaxError} naming the offending token. */
export function parseWhere(text: string): WhereNode {
  return new Parser(tokenize(text)).parse();
}
