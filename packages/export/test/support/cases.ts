import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FeatureSource, ExportFeature } from "../../src/index.js";

/** Folder of the writer fixtures' inputs. */
export const FIXTURES_IN = fileURLToPath(new URL("../fixtures/in/", import.meta.url));
/** Folder of the golden outputs. */
export const FIXTURES_OUT = fileURLToPath(new URL("../fixtures/out/", import.meta.url));

/** A test case: a feature set as Esri JSON with a description. */
export interface Case extends FeatureSource {
  name: string;
  description: string;
  features: ExportFeature[];
}

/** Every input case, by file name without `.json`. */
export function loadCases(): Case[] {
  return readdirSync(FIXTURES_IN)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ""), ...JSON.parse(readFileSync(FIXTURES_IN + file, "utf8")) }));
}

/** One input case by name. */
export function loadCase(name: string): Case {
  const found = loadCases().find((c) => c.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}
