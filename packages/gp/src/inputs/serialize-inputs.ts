import { ValidationError } from "@arcrest/core";
import type { GPEnvironmentOptions, GPInputs, GPParameter } from "../types.js";
import { serializeInput } from "./serialize-value.js";

const INPUT = "esriGPParameterDirectionInput";

/**
 * Request parameters for execute / submitJob: each input serialised by its parameter's data type.
 * Unknown names, outputs given as inputs, wrong types and missing required inputs without a
 * server default are `ValidationError`s naming `inputs.<name>`, found before any request.
 */
export function serializeInputs(taskName: string, parameters: readonly GPParameter[], inputs: GPInputs): Record<string, string> {
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) throw new ValidationError("inputs", "give the inputs as an object keyed by parameter name");
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const names = parameters.filter((p) => p.direction === INPUT).map((p) => p.name);
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) {
    const param = byName.get(name);
    if (!param || param.direction !== INPUT) {
      throw new ValidationError(`inputs.${name}`, `${taskName} has no input named ${name}; its inputs are ${names.join(", ") || "none"}`);
    }
    if (value === undefined || value === null) continue;
    params[name] = serializeInput(param, value);
  }
  for (const p of parameters) {
    if (p.direction === INPUT && p.parameterType === "esriGPParameterTypeRequired" && !(p.name in params) && (p.defaultValue === null || p.defaultValue === undefined)) {
      throw new ValidationError(`inputs.${p.name}`, `${taskName} needs a value for ${p.name} (${p.dataType})`);
    }
  }
  return params;
}

function srParam(name: string, value: number | object | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value <= 0) throw new ValidationError(name, `a wkid must be a positive integer, got ${value}`);
    return String(value);
  }
  if (typeof value !== "object" || value === null) throw new ValidationError(name, "give a wkid or a spatial reference object");
  return JSON.stringify(value);
}

/** `env:outSR`, `env:processSR`, `returnZ`, `returnM` from the options given. */
export function environmentParams(options: GPEnvironmentOptions): Record<string, string> {
  const params: Record<string, string> = {};
  const outSR = srParam("outSR", options.outSR);
  const processSR = srParam("processSR", options.processSR);
  if (outSR !== undefined) params["env:outSR"] = outSR;
  if (processSR !== undefined) params["env:processSR"] = processSR;
  if (options.returnZ !== undefined) params.returnZ = String(options.returnZ);
  if (options.returnM !== undefined) params.returnM = String(options.returnM);
  return params;
}
