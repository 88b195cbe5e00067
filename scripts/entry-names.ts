/**
 * Reads a package's entry files for its `test/exports.test.ts`: the names an entry exports as
 * types only (which do not exist at runtime), and whether it has an `export *`.
 */
import { readFileSync } from "node:fs";

/** Entry readers for the package whose test file is at `testFileUrl` (paths relative to the package root). */
export function entryReader(testFileUrl: string): { typeNames(entry: string): string[]; hasStarExport(entry: string): boolean } {
  const read = (entry: string) => readFileSync(new URL(`../${entry}`, testFileUrl), "utf8");
  return {
    typeNames(entry) {
      const names: string[] = [];
      for (const [, typeOnly, list] of read(entry).matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
        for (const raw of list.split(",")) {
          const spec = raw.replace(/\/\/.*$/gm, "").trim();
          if (spec === "") continue;
          const isType = typeOnly !== undefined || spec.startsWith("type ");
          const name = spec.replace(/^type\s+/, "").split(/\s+as\s+/).pop() as string;
          if (isType) names.push(name);
        }
      }
      return names.sort();
    },
    hasStarExport(entry) {
      return /export\s+(type\s+)?\*/.test(read(entry));
    },
  };
}
