/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

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
