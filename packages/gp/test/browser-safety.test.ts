import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the package is browser-safe", () => {
  it("imports no node: modules, fs, proj4 or fflate", () => {
    const offenders = sources(SRC).filter((file) => /from\s+["'](node:|fs|path|proj4|fflate)/.test(readFileSync(file, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it("imports other packages only through @arcrest/core's root", () => {
    for (const file of sources(SRC)) {
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/from\s+["']([^"'.][^"']*)["']/g)) {
        expect(spec, relative(SRC, file)).toBe("@arcrest/core");
      }
    }
  });

  it("the table of contents has named exports only", () => {
    const index = readFileSync(join(SRC, "index.ts"), "utf8");
    expect(index).not.toMatch(/export\s+(type\s+)?\*/);
  });
});
