/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Names an entry file exports as types only. */
function typeNames(entry: string): string[] {
  const text = readFileSync(new URL(`../${entry}`, import.meta.url), "utf8");
  const names: string[] = [];
  for (const [, typeOnly, list] of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const raw of list.split(",")) {
      const spec = raw.replace(/\/\/.*$/gm, "").trim();
      if (spec === "") continue;
      const isType = typeOnly !== undefined || spec.startsWith("type ");
      const name = spec.replace(/^type\s+/, "").split(/\s+as\s+/).pop() as string;
      if (isType) names.push(name);
    }
  }
  return names.sort();
}

function hasStarExport(entry: string): boolean {
  return /export\s+(type\s+)?\*/.test(readFileSync(new URL(`../${entry}`, import.meta.url), "utf8"));
}

describe("exported names of @arcrest/gp", () => {
  it("@arcrest/gp: values", async () => {
    expect(Object.keys(await import("@arcrest/gp")).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_POLL_INTERVAL",
        "GPJob",
        "GPJobError",
        "GPRunResult",
        "GPTask",
        "GPTimeoutError",
        "MAX_POLL_INTERVAL",
        "cancelJob",
        "execute",
        "fetchTaskInfo",
        "jobResult",
        "jobResults",
        "jobStatus",
        "submitJob",
        "waitForJob",
      ]
    `);
  });
  it("@arcrest/gp: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "ExecuteOptions",
        "GPDataType",
        "GPEnvironmentOptions",
        "GPExecutionType",
        "GPFileValue",
        "GPInputValue",
        "GPInputs",
        "GPJobInfo",
        "GPJobStatus",
        "GPLinearUnitValue",
        "GPMessage",
        "GPParameter",
        "GPProgress",
        "GPResult",
        "GPRow",
        "GPRunOptions",
        "GPTaskInfo",
        "GPTaskRequestOptions",
        "GPValue",
        "GPWaitOptions",
        "JobResultsOptions",
        "SubmitJobOptions",
      ]
    `);
  });
});
