import { ValidationError, type ParamValue } from "@arcrest/core";
import type { SingleQueryOptions } from "../types.js";
import { filterParams, spatialReferenceParam } from "./build-query-params.js";
import { fieldList } from "./out-fields.js";

/** `orderByFields` as the REST API wants it (comma-separated). */
export function orderByParam(order: string | readonly string[] | undefined): string | undefined {
  if (order === undefined) return undefined;
  const list = typeof order === "string" ? order.split(",") : [...order];
  const cleaned = list.map((o) => o.trim()).filter(Boolean);
  return cleaned.length > 0 ? cleaned.join(",") : undefined;
}

/**
 * The REST parameters of a feature query: the filter plus what to return and
 * how (fields, geometry, spatial reference, order, format, one page window).
 */
export async function featureQueryParams(options: SingleQueryOptions, outFields?: string): Promise<Record<string, ParamValue>> {
  const params = await filterParams(options);
  const fields = fieldList(options.outFields);
  params.outFields = outFields ?? (fields.length === 0 ? "*" : fields.join(","));
  params.returnGeometry = options.returnGeometry ?? true;
  if (options.outSR !== undefined) params.outSR = spatialReferenceParam(options.outSR, "outSR");
  const order = orderByParam(options.orderByFields);
  if (order !== undefined) params.orderByFields = order;
  if (options.returnZ !== undefined) params.returnZ = options.returnZ;
  if (options.returnM !== undefined) params.returnM = options.returnM;
  if (options.geometryPrecision !== undefined) params.geometryPrecision = options.geometryPrecision;
  if (options.maxAllowableOffset !== undefined) params.maxAllowableOffset = options.maxAllowableOffset;
  for (const name of ["resultOffset", "resultRecordCount"] as const) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new ValidationError(name, `must be a non-negative integer, got ${value}`);
    params[name] = value;
  }
  const f = options.f ?? "json";
  if (f !== "json" && f !== "geojson") throw new ValidationError("f", `queries return "json" or "geojson", got "${String(f)}"`);
  params.f = f;
  // Options passed through raw win over everything derived above.
  if (options.params) Object.assign(params, options.params);
  return params;
}
