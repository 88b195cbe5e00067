import { ValidationError } from "@arcrest/core";
import type { RenderingRule } from "./types.js";

/** The arguments each well-known raster function accepts (others are passed through unchecked). */
const KNOWN_ARGUMENTS: Record<string, string[]> = {
  bandarithmetic: ["Method", "BandIndexes", "Raster"],
  clip: ["ClippingGeometry", "ClipType", "ClippingRaster", "UseInputFeatureGeometry", "Raster"],
};

/** Checks a rendering rule's arguments (and any nested `Raster` rule) before any request. */
export function checkRenderingRule(rule: RenderingRule | undefined, parameter = "renderingRule"): void {
  if (!rule) return;
  if (typeof rule.rasterFunction !== "string" || rule.rasterFunction === "") throw new ValidationError(`${parameter}.rasterFunction`, "name a raster function");
  const args = rule.rasterFunctionArguments ?? {};
  const known = KNOWN_ARGUMENTS[rule.rasterFunction.toLowerCase()];
  if (known) {
    for (const name of Object.keys(args)) {
      if (!known.includes(name)) throw new ValidationError(`${parameter}.rasterFunctionArguments.${name}`, `${rule.rasterFunction} has no argument ${name}; it takes ${known.join(", ")}`);
    }
  }
  const nested = args.Raster;
  if (nested && typeof nested === "object" && "rasterFunction" in nested) checkRenderingRule(nested as RenderingRule, `${parameter}.rasterFunctionArguments.Raster`);
}

/** Checks a bbox (min ≤ max, finite). */
export function checkBbox(bbox: [number, number, number, number]): void {
  if (!bbox.every((v) => Number.isFinite(v))) throw new ValidationError("bbox", "four finite numbers");
  if (bbox[0] > bbox[2] || bbox[1] > bbox[3]) throw new ValidationError("bbox", `min is greater than max: [${bbox.join(", ")}]`);
}
