import { GPInputError, type GPParameterDef } from "./types.js";

/** A feature record set as a GP input: point features with their spatial reference wkid. */
export interface InputFeatureSet {
  geometryType: string;
  wkid: number;
  features: { attributes: Record<string, unknown>; geometry: Record<string, unknown> | null }[];
}

function parseJson(param: GPParameterDef, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GPInputError(param.name, `not valid JSON for a ${param.dataType}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function wkidOf(sr: unknown): number | undefined {
  if (!isObject(sr)) return undefined;
  const wkid = sr.latestWkid ?? sr.wkid;
  return typeof wkid === "number" ? wkid : undefined;
}

function parseFeatureSet(param: GPParameterDef, text: string): InputFeatureSet {
  const value = parseJson(param, text);
  if (!isObject(value) || !Array.isArray(value.features)) throw new GPInputError(param.name, "expected a feature set with features");
  const features = value.features.map((f: unknown) => {
    if (!isObject(f)) throw new GPInputError(param.name, "every feature must be an object");
    return { attributes: isObject(f.attributes) ? f.attributes : {}, geometry: isObject(f.geometry) ? f.geometry : null };
  });
  const firstSr = features.find((f) => f.geometry)?.geometry?.spatialReference;
  const wkid = wkidOf(value.spatialReference) ?? wkidOf(value.sr) ?? wkidOf(firstSr) ?? 4326;
  if (wkid !== 4326 && wkid !== 3857 && wkid !== 102100) throw new GPInputError(param.name, `spatial reference ${wkid} is not supported (4326 or 3857)`);
  const geometryType = typeof value.geometryType === "string" ? value.geometryType : "esriGeometryPoint";
  return { geometryType, wkid: wkid === 102100 ? 3857 : wkid, features };
}

function parseNumber(param: GPParameterDef, text: string, integer: boolean): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new GPInputError(param.name, `${JSON.stringify(text)} is not a ${integer ? "long integer" : "double"}`);
  }
  return n;
}

function parseLinearUnit(param: GPParameterDef, text: string): { distance: number; units: string } {
  const value = parseJson(param, text);
  if (!isObject(value) || typeof value.distance !== "number" || typeof value.units !== "string") {
    throw new GPInputError(param.name, "expected { distance, units }");
  }
  return { distance: value.distance, units: value.units };
}

/** One parameter's value from its request text, by data type. */
export function parseInput(param: GPParameterDef, text: string): unknown {
  switch (param.dataType) {
    case "GPString":
      return text;
    case "GPLong":
      return parseNumber(param, text, true);
    case "GPDouble":
      return parseNumber(param, text, false);
    case "GPBoolean":
      if (text !== "true" && text !== "false") throw new GPInputError(param.name, `${JSON.stringify(text)} is not true or false`);
      return text === "true";
    case "GPDate":
      return parseNumber(param, text, true);
    case "GPLinearUnit":
      return parseLinearUnit(param, text);
    case "GPFeatureRecordSetLayer":
      return parseFeatureSet(param, text);
    case "GPRecordSet": {
      const value = parseJson(param, text);
      if (!isObject(value) || !Array.isArray(value.features)) throw new GPInputError(param.name, "expected a record set with features");
      return value.features.map((f: unknown) => (isObject(f) && isObject(f.attributes) ? f.attributes : {}));
    }
    case "GPDataFile":
    case "GPRasterDataLayer": {
      const value = parseJson(param, text);
      if (!isObject(value) || (typeof value.url !== "string" && typeof value.itemID !== "string")) {
        throw new GPInputError(param.name, "expected { url } or { itemID }");
      }
      return value;
    }
    case "GPMultiValue:GPString": {
      const value = parseJson(param, text);
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw new GPInputError(param.name, "expected an array of strings");
      return value;
    }
  }
}

/**
 * The inputs of a request: every input parameter from `params` (or its default), checked by data type
 * and choice list. Required parameters without a value are an error.
 */
export function parseInputs(parameters: GPParameterDef[], params: Record<string, string>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const param of parameters) {
    if (param.direction !== "esriGPParameterDirectionInput") continue;
    const text = params[param.name];
    if (text === undefined || text === "") {
      if (param.parameterType === "esriGPParameterTypeRequired") throw new GPInputError(param.name, "a value is required");
      if (param.defaultValue !== undefined) inputs[param.name] = param.defaultValue;
      continue;
    }
    const value = parseInput(param, text);
    if (param.choiceList && !param.choiceList.includes(String(value))) {
      throw new GPInputError(param.name, `${JSON.stringify(value)} is not one of ${param.choiceList.join(", ")}`);
    }
    inputs[param.name] = value;
  }
  return inputs;
}
