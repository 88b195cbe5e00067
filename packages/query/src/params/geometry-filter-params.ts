import { Geometry, type ParamValue } from "@arcrest/core";
import type { QueryFilter } from "../types.js";

/**
 * `geometry`, `geometryType` and `inSR` of a spatial filter, built through `Geometry`
 * (so they are filled in from whatever was given). In a module of its own so that
 * `filterParams` loads the geometry readers only for queries that have a geometry.
 *
 * @param filter - a filter whose `geometry` is set
 * @param inSRParam - writes `filter.inSR` when the geometry itself has no spatial reference
 */
export function geometryFilterParams(
  filter: QueryFilter & { geometry: NonNullable<QueryFilter["geometry"]> },
  inSRParam: (sr: NonNullable<QueryFilter["inSR"]>) => number | string,
): Record<string, ParamValue> {
  let geometry = Geometry.from(filter.geometry);
  // inSR describes coordinates that carry no spatial reference ([x, y], bboxes, bare Esri JSON).
  if (!geometry.spatialReference && filter.inSR !== undefined) {
    geometry = Geometry.from(filter.geometry, { spatialReference: filter.inSR });
  }
  const q = geometry.toQueryParams();
  const params: Record<string, ParamValue> = { geometry: q.geometry, geometryType: q.geometryType };
  if (q.inSR !== undefined) params.inSR = q.inSR;
  else if (filter.inSR !== undefined) params.inSR = inSRParam(filter.inSR);
  return params;
}
