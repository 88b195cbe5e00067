/** Splits a where clause into tokens. */
import { WhereSyntaxError } from "./where-error.js";

/** One lexical token with its offset in the clause (for error messages). */
export type Token =
  | { type: "number"; value: number; pos: number }
  | { type: "string"; value: string; pos: number }
  | { type: "identifier"; value: string; quoted: boolean; pos: number }
  | { type: "operator"; value: string; pos: number }
  | { type: "end"; pos: number };

const OPERATORS = ["<>", "!=", "<=", ">=", "||", "=", "<", ">", "+", "-", "*", "/", "(", ")", ","];

function isIdentStart(c: string): boolean {
  return /[A-Za-z_\u00C0-\uFFFF]/.test(c);
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$.\u00C0-\uFFFF]/.test(c);
}

/** Tokenises `text`; throws {@link WhereSyntaxError} on a character that starts no token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    // String literal, optionally N'...' (national character), with '' as an escaped quote.
    if (c === "'" || ((c === "N" || c === "n") && text[i + 1] === "'")) {
      if (c !== "'") i++;
      i++;
      let value = "";
      for (;;) {
        if (i >= n) throw new WhereSyntaxError(`unterminated string literal starting at position ${start}`);
        const ch = text[i];
        if (ch === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      tokens.push({ type: "string", value, pos: start });
      continue;
    }
    if ((c >= "0" && c <= "9") || (c === "." && text[i + 1] >= "0" && text[i + 1] <= "9")) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      const literal = m ? m[0] : c;
      i += literal.length;
      if (i < n && isIdentStart(text[i])) {
        throw new WhereSyntaxError(`invalid number '${literal}${text[i]}' at position ${start}`);
      }
      tokens.push({ type: "number", value: Number(literal), pos: start });
      continue;
    }
    if (c === '"' || c === "[") {
      const close = c === '"' ? '"' : "]";
      const end = text.indexOf(close, i + 1);
      if (end < 0) throw new WhereSyntaxError(`unterminated quoted identifier at position ${start}`);
      tokens.push({ type: "identifier", value: text.slice(i + 1, end), quoted: true, pos: start });
      i = end + 1;
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text[i])) i++;
      tokens.push({ type: "identifier", value: text.slice(start, i), quoted: false, pos: start });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ type: "operator", value: op === "!=" ? "<>" : op, pos: start });
      i += op.length;
      continue;
    }
    throw new WhereSyntaxError(`unexpected character '${c}' at position ${start}`);
  }
  tokens.push({ type: "end", pos: n });
  return tokens;
}
