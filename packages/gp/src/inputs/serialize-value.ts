import { ValidationError } from "@arcrest/core";
import { isObject } from "../parse/shape.js";
import type { GPParameter } from "../types.js";
import { featureSetInput } from "./feature-set-input.js";

function fail(name: string, dataType: string, value: unknown, expected: string): never {
  throw new ValidationError(`inputs.${name}`, `a ${dataType} needs ${expected}, got ${shown(value)}`);
}

function shown(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : value.toISOString();
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}

/** The JSON value of one input (before it is written into the request), by data type. */
export function inputJson(name: string, dataType: string, value: unknown): unknown {
  if (dataType.startsWith("GPMultiValue:")) {
    if (!Array.isArray(value)) fail(name, dataType, value, "an array");
    const inner = dataType.slice("GPMultiValue:".length);
    return value.map((item) => inputJson(name, inner, item));
  }
  switch (dataType) {
    case "GPString":
      return typeof value === "string" ? value : fail(name, dataType, value, "a string");
    case "GPLong":
      return typeof value === "number" && Number.isSafeInteger(value) ? value : fail(name, dataType, value, "an integer");
    case "GPDouble":
      return typeof value === "number" && Number.isFinite(value) ? value : fail(name, dataType, value, "a finite number");
    case "GPBoolean":
      return typeof value === "boolean" ? value : fail(name, dataType, value, "true or false");
    case "GPDate":
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
      return typeof value === "number" && Number.isFinite(value) ? value : fail(name, dataType, value, "a Date or epoch milliseconds");
    case "GPLinearUnit":
      if (isObject(value) && typeof value.distance === "number" && Number.isFinite(value.distance) && typeof value.units === "string") {
        return { distance: value.distance, units: value.units };
      }
      return fail(name, dataType, value, "{ distance, units }");
    case "GPArealUnit":
      if (isObject(value) && typeof value.area === "number" && typeof value.units === "string") return { area: value.area, units: value.units };
      return fail(name, dataType, value, "{ area, units }");
    case "GPDataFile":
    case "GPRasterData":
    case "GPRasterDataLayer":
      if (isObject(value) && (typeof value.url === "string" || typeof value.itemID === "string")) return { ...value };
      return fail(name, dataType, value, "{ url } or { itemID } of an uploaded item");
    case "GPRecordSet":
      if (Array.isArray(value) && value.every(isObject)) return { features: value.map((attributes) => ({ attributes })) };
      if (isObject(value) && Array.isArray(value.features)) return value;
      return fail(name, dataType, value, "rows (objects) or a record set { features }");
    case "GPFeatureRecordSetLayer":
      return featureSetInput(name, value);
    default:
      return value;
  }
}

/** One input written as a request parameter: strings as they are, everything else as JSON. */
export function serializeInput(param: GPParameter, value: unknown): string {
  const json = inputJson(param.name, param.dataType, value);
  if (param.choiceList && param.choiceList.length > 0 && !param.dataType.startsWith("GPMultiValue:") && !param.choiceList.includes(String(json))) {
    throw new ValidationError(`inputs.${param.name}`, `${JSON.stringify(json)} is not one of ${param.choiceList.map((c) => JSON.stringify(c)).join(", ")}`);
  }
  return typeof json === "string" ? json : JSON.stringify(json);
}
