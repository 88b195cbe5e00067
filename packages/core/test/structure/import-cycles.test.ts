/**
 * No package may have an import cycle between its own source files: a cycle makes module
 * initialisation order matter and keeps layers (request below Session below sign-in) from staying apart.
 * Type-only imports (`import type`, `export type`) are erased at build time and are not counted.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const PACKAGES = resolve(import.meta.dirname, "../../..");

/** Known cycles (`a -> b -> a`, relative to packages/); none are left, and none may come back. */
const ALLOWED: ReadonlySet<string> = new Set<string>();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [path] : [];
  });
}

/** Relative runtime imports and re-exports of one file, resolved to files. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["'](\.{1,2}\/[^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) {
    const [, , typeOnly, clause, spec] = match;
    if (typeOnly) continue;
    // `import { type A, type B } from` is erased too.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
    found.push(target);
  }
  for (const match of text.matchAll(/^\s*import\s*["'](\.{1,2}\/[^"']+)["']/gm)) {
    found.push(resolve(dirname(file), match[1].replace(/\.js$/, ".ts")));
  }
  return found;
}

/** Every cycle found by a depth-first walk, each reported once from its first file. */
function findCycles(files: string[], importsOf: (file: string) => string[] = runtimeImports): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe("import cycles", () => {
  const packages = readdirSync(PACKAGES).filter((p) => statSync(join(PACKAGES, p, "src"), { throwIfNoEntry: false })?.isDirectory());

  it("finds the packages", () => {
    expect(packages).toContain("core");
    expect(packages.length).toBeGreaterThan(1);
  });

  it("detects a cycle when there is one", () => {
    const graph: Record<string, string[]> = { a: ["b"], b: ["c"], c: ["a", "d"], d: [] };
    expect(findCycles(Object.keys(graph), (f) => graph[f])).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(["d", "c"], (f) => graph[f])).toEqual([]);
    // The parser sees real imports and skips type-only ones.
    const session = runtimeImports(join(PACKAGES, "core/src/auth/session.ts")).map((f) => relative(PACKAGES, f));
    expect(session).toContain("core/src/auth/token.ts");
    expect(session).not.toContain("core/src/auth/token-provider.ts");
  });

  it.each(packages)("none in %s", (name) => {
    const cycles = findCycles(sourceFiles(join(PACKAGES, name, "src")))
      .map((cycle) => cycle.map((f) => relative(PACKAGES, f)).join(" -> "))
      .filter((cycle) => !ALLOWED.has(cycle));
    expect(cycles).toEqual([]);
  });
});
