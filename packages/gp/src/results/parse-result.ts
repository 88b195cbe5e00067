import type { FeatureSet } from "@arcrest/core";
import { isObject } from "../parse/shape.js";
import type { GPDataType, GPFileValue, GPResult, GPRow, GPValue } from "../types.js";

/** A value drawn by a result map service (`{ mapImage: { href } }`) or a file: its URL. */
function fileValue(value: Record<string, unknown>): GPFileValue | undefined {
  const image = value.mapImage;
  if (isObject(image) && typeof image.href === "string") return { url: image.href };
  if (typeof value.url === "string") return { url: value.url, ...(typeof value.format === "string" ? { format: value.format } : {}) };
  return undefined;
}

/** A result value typed by its data type (see {@link GPValue}). */
export function parseValue(dataType: GPDataType, value: unknown): GPValue {
  if (value === null || value === undefined) return null;
  if (dataType.startsWith("GPMultiValue:") && Array.isArray(value)) {
    const inner = dataType.slice("GPMultiValue:".length);
    return value.map((item) => parseValue(inner, item));
  }
  if (isObject(value) && isObject(value.mapImage)) return fileValue(value) ?? (value as GPValue);
  switch (dataType) {
    case "GPFeatureRecordSetLayer":
      if (isObject(value) && Array.isArray(value.features)) return value as unknown as FeatureSet;
      return (isObject(value) && fileValue(value)) || (value as GPValue);
    case "GPRecordSet":
      if (isObject(value) && Array.isArray(value.features)) {
        return value.features.map((f: unknown) => (isObject(f) && isObject(f.attributes) ? (f.attributes as GPRow) : {}));
      }
      return value as GPValue;
    case "GPDataFile":
    case "GPRasterData":
    case "GPRasterDataLayer":
      return (isObject(value) && fileValue(value)) || (value as GPValue);
    case "GPDate":
      return typeof value === "number" ? new Date(value) : (value as GPValue);
    default:
      return value as GPValue;
  }
}

/** A result resource or an execute result entry (`{ paramName, dataType, value }`) with its value typed. */
export function parseResult(raw: { paramName: string; dataType: string; value?: unknown }): GPResult {
  return { paramName: raw.paramName, dataType: raw.dataType, value: parseValue(raw.dataType, raw.value) };
}
