/**
 * Structural comparison of a server answer with a recorded fixture: every key of the fixture
 * must be present in the answer with the same JSON type, recursively for objects; for arrays the
 * fixture's first element must match some element of the answer. A null in the fixture matches
 * anything (ArcGIS writes null for "not set"); an empty array on either side is not compared.
 */

/** The JSON type of a value. */
export type JsonType = "null" | "array" | "object" | "number" | "string" | "boolean" | "undefined";

/** The JSON type of a value. */
export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "number" || t === "string" || t === "boolean" || t === "object") return t;
  return "undefined";
}

/** Options of {@link structuralDiff}. */
export interface StructureOptions {
  /**
   * Paths not compared, written with "[]" for array elements and without "$.", e.g.
   * "drawingInfo.renderer" or "types[].templates[].prototype.attributes".
   */
  ignore?: string[];
}

/** Differences between a fixture's structure and an answer's; empty when the answer conforms. */
export function structuralDiff(fixture: unknown, actual: unknown, options: StructureOptions = {}): string[] {
  return diff(fixture, actual, "", new Set(options.ignore ?? []));
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function diff(fixture: unknown, actual: unknown, path: string, ignore: Set<string>): string[] {
  if (ignore.has(path)) return [];
  const expected = jsonType(fixture);
  if (expected === "null") return [];
  const got = jsonType(actual);
  if (expected !== got) return [`${path || "$"}: expected ${expected}, got ${got}`];
  if (expected === "object") {
    const f = fixture as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(f)) {
      const child = join(path, key);
      if (ignore.has(child)) continue;
      if (!(key in a)) problems.push(`${child}: missing`);
      else problems.push(...diff(f[key], a[key], child, ignore));
    }
    return problems;
  }
  if (expected === "array") {
    const f = fixture as unknown[];
    const a = actual as unknown[];
    if (f.length === 0 || a.length === 0) return [];
    const child = `${path}[]`;
    let best: string[] | undefined;
    for (const element of a) {
      const problems = diff(f[0], element, child, ignore);
      if (problems.length === 0) return [];
      if (!best || problems.length < best.length) best = problems;
    }
    return best ?? [];
  }
  return [];
}
