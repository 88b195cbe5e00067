import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the main entry is browser-safe", () => {
  it("imports no node: modules and no heavy libraries outside src/node", () => {
    const offenders = sources(SRC).filter((file) => /from\s+["'](node:|fs|path|proj4|fflate)/.test(readFileSync(file, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  // @arcrest/core/internal is core's browser-safe entry for helpers packages share (the spatial
  // filter's geometryQueryParams); no deep paths, no /node.
  it("imports other packages only through @arcrest/core's root and its /internal entry", () => {
    for (const file of sources(SRC)) {
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/from\s+["']([^"'.][^"']*)["']/g)) {
        expect(["@arcrest/core", "@arcrest/core/internal"], relative(SRC, file)).toContain(spec);
      }
    }
  });
});
