import { ValidationError, type FeatureSet } from "@arcrest/core";
import type { GPMessage, GPResult, GPValue } from "../types.js";

/**
 * What a successful run gave: its outputs with typed values, the server's messages and, for a
 * job, its id.
 *
 * @example
 * ```ts
 * const result = await task.run({ Input_Location: point, Drive_Times: "1 2 3" });
 * const polygons = result.featureSet("Output_Drive_Time_Polygons");
 * ```
 */
export class GPRunResult {
  /** Always `esriJobSucceeded`: anything else rejects with a `GPJobError`. */
  readonly status = "esriJobSucceeded" as const;

  /**
   * @param results - the outputs
   * @param messages - the server's messages
   * @param jobId - the job, for asynchronous tasks
   */
  constructor(
    readonly results: GPResult[],
    readonly messages: GPMessage[],
    readonly jobId?: string,
  ) {}

  /**
   * The value of one output by name (case-insensitive), typed by its data type.
   * The type argument states what you know the output is; use {@link featureSet} for a checked feature set.
   *
   * @throws ValidationError when the run has no output of that name
   */
  value<T extends GPValue = GPValue>(name: string): T {
    const found = this.results.find((r) => r.paramName.toLowerCase() === name.toLowerCase());
    if (!found) {
      throw new ValidationError("name", `no output named ${name}; the outputs are ${this.results.map((r) => r.paramName).join(", ") || "none"}`);
    }
    return found.value as T;
  }

  /**
   * A GPFeatureRecordSetLayer output as a core `FeatureSet` (ready for `exportFeatureSet`).
   *
   * @throws ValidationError when the output is missing or is not a feature set
   */
  featureSet(name: string): FeatureSet {
    const value = this.value(name);
    if (typeof value !== "object" || value === null || !Array.isArray((value as { features?: unknown }).features)) {
      throw new ValidationError("name", `output ${name} is not a feature set`);
    }
    return value as FeatureSet;
  }
}
