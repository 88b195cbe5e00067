import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "..", "..", "src");

/** Relative and bare imports of the files of one folder. */
function importsOf(folder: string): { file: string; specifier: string }[] {
  const out: { file: string; specifier: string }[] = [];
  for (const name of readdirSync(join(src, folder))) {
    if (!name.endsWith(".ts")) continue;
    const text = readFileSync(join(src, folder, name), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) out.push({ file: `${folder}/${name}`, specifier: m[1] });
  }
  return out;
}

describe("geometry and projection are browser-safe", () => {
  it("import nothing from node: and nothing from src/node", () => {
    const bad = [...importsOf("geometry"), ...importsOf("projection")].filter(
      (i) => i.specifier.startsWith("node:") || i.specifier.includes("/node/") || /^(fs|path|os|url|stream)$/.test(i.specifier),
    );
    expect(bad).toEqual([]);
  });

  it("geometry imports no third-party package (proj4 stays in projection)", () => {
    const bare = importsOf("geometry").filter((i) => !i.specifier.startsWith("."));
    expect(bare).toEqual([]);
  });
});
