import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the fixture copies (fixtures/arcgis at the repository root; see its SOURCES.md). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/arcgis");

/** A fixture parsed, by path relative to the fixtures folder, e.g. "mapserver/pyesridump__us-il-chicago-metadata.json". */
export function fixture(path: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, path), "utf8")) as unknown;
}
