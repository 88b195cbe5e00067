/**
 * The subset of the Portal search syntax the sample server understands: `field:value`,
 * `field:"quoted value"`, free words, `*`, `AND` (also implied by spaces), `OR`, `NOT`, and
 * parentheses (ignored). Exact fields compare whole values case-insensitively; text fields
 * match words; a trailing `*` matches a prefix.
 */

/** A searchable record: field name (lower case) → value(s). */
export type SearchDoc = Record<string, string | number | string[] | undefined>;

interface Term {
  field: string | undefined;
  value: string;
  negate: boolean;
}

/** Fields compared as whole values (others match words). */
const EXACT_FIELDS = new Set(["id", "owner", "type", "access", "username", "orgid", "group", "groups", "typekeywords", "role"]);
/** Fields free words are looked up in. */
const FREE_TEXT_FIELDS = ["title", "tags", "snippet", "description", "type", "fullname", "username"];

function tokenize(q: string): string[] {
  const tokens: string[] = [];
  const pattern = /[\w.]+:"[^"]*"|"[^"]*"|[^\s()]+/g;
  for (const match of q.replace(/[()]/g, " ").matchAll(pattern)) tokens.push(match[0]);
  return tokens;
}

function parseTerm(token: string, negate: boolean): Term {
  const colon = /^([\w.]+):(.*)$/.exec(token);
  const raw = colon ? colon[2] : token;
  const value = raw.replace(/^"(.*)"$/, "$1").toLowerCase();
  return { field: colon ? colon[1].toLowerCase() : undefined, value, negate };
}

/** Parses `q` into alternatives (OR) of conjunctions (AND). */
function parse(q: string): Term[][] {
  const alternatives: Term[][] = [[]];
  let negate = false;
  for (const token of tokenize(q)) {
    const upper = token.toUpperCase();
    if (upper === "AND") continue;
    if (upper === "OR") {
      alternatives.push([]);
      continue;
    }
    if (upper === "NOT") {
      negate = true;
      continue;
    }
    const lead = token.startsWith("-") && token.length > 1;
    alternatives[alternatives.length - 1].push(parseTerm(lead ? token.slice(1) : token, negate || lead));
    negate = false;
  }
  return alternatives.filter((terms) => terms.length > 0);
}

function values(doc: SearchDoc, field: string): string[] {
  const value = doc[field];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [String(value)]).map((v) => v.toLowerCase());
}

function matchesValue(candidate: string, wanted: string, exact: boolean): boolean {
  if (wanted === "*") return true;
  if (wanted.endsWith("*")) {
    const prefix = wanted.slice(0, -1);
    return exact ? candidate.startsWith(prefix) : candidate.split(/\s+/).some((w) => w.startsWith(prefix));
  }
  if (exact) return candidate === wanted;
  return candidate === wanted || ` ${candidate} `.includes(` ${wanted} `) || (wanted.includes(" ") && candidate.includes(wanted));
}

function matchesTerm(doc: SearchDoc, term: Term): boolean {
  let hit: boolean;
  if (term.field === undefined) {
    hit = term.value === "*" || FREE_TEXT_FIELDS.some((field) => values(doc, field).some((v) => matchesValue(v, term.value, false)));
  } else {
    const exact = EXACT_FIELDS.has(term.field);
    hit = values(doc, term.field).some((v) => matchesValue(v, term.value, exact));
  }
  return term.negate ? !hit : hit;
}

/** A predicate for `q`; an empty or missing query matches everything. */
export function compileQuery(q: string | undefined): (doc: SearchDoc) => boolean {
  const alternatives = parse(q ?? "");
  if (alternatives.length === 0) return () => true;
  return (doc) => alternatives.some((terms) => terms.every((term) => matchesTerm(doc, term)));
}

/** Sorts records by `sortField` (comma-separated) and `sortOrder`; stable, so no sort keeps creation order. */
export function sortDocs<T>(records: T[], docOf: (record: T) => SearchDoc, sortField: string | undefined, sortOrder: string | undefined): T[] {
  const fields = (sortField ?? "").split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (fields.length === 0) return records;
  const direction = sortOrder?.toLowerCase() === "desc" ? -1 : 1;
  return [...records].sort((a, b) => {
    for (const field of fields) {
      const x = docOf(a)[field];
      const y = docOf(b)[field];
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""), "en", { sensitivity: "base" });
      if (cmp !== 0) return cmp * direction;
    }
    return 0;
  });
}

/** One page of a search answer: `start` is 1-based; `nextStart` is -1 on the last page. */
export interface SearchPage<T> {
  total: number;
  start: number;
  /** The page size asked for (as Portal echoes it). */
  num: number;
  nextStart: number;
  page: T[];
}

/** Largest `num` the portal accepts. */
export const MAX_NUM = 100;

/**
 * Cuts a page out of `records` from `start`/`num` parameters (defaults 1 and 10, `num` at most 100),
 * or returns an error message for values that are not integers in range.
 */
export function pageOf<T>(records: T[], params: Record<string, string>): SearchPage<T> | string {
  const start = params.start === undefined || params.start === "" ? 1 : Number(params.start);
  const num = params.num === undefined || params.num === "" ? 10 : Number(params.num);
  if (!Number.isInteger(start) || start < 1) return `Invalid start: '${params.start}'.`;
  if (!Number.isInteger(num) || num < 0 || num > MAX_NUM) return `Invalid num: '${params.num}' (0 to ${MAX_NUM}).`;
  const page = records.slice(start - 1, start - 1 + num);
  const next = start + num;
  return { total: records.length, start, num, nextStart: num > 0 && next <= records.length ? next : -1, page };
}
