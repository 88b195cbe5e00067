import { ValidationError, toEpochMs, type ParamValue, type SpatialReference } from "@arcrest/core";
import type { QueryFilter, SpatialReferenceInput, TimeFilter } from "../types.js";
import { spatialFilterParams } from "./geometry-filter-params.js";

/** A spatial reference parameter: the wkid, or the JSON of a spatial reference object. */
export function spatialReferenceParam(sr: SpatialReferenceInput, name: string): number | string {
  if (typeof sr === "number") {
    if (!Number.isInteger(sr) || sr <= 0) throw new ValidationError(name, `not a well-known id: ${sr}`);
    return sr;
  }
  const ref = sr as SpatialReference;
  if (ref.wkid !== undefined && ref.wkt === undefined) return ref.wkid;
  if (ref.wkid === undefined && ref.wkt === undefined) throw new ValidationError(name, "a spatial reference needs a wkid or a wkt");
  return JSON.stringify(ref);
}

/** The `time` parameter: `t` or `t1,t2` in epoch ms, `null` for an open end. */
export function timeParam(time: TimeFilter): string {
  if (Array.isArray(time)) {
    const [start, end] = time as readonly (Date | number | null)[];
    if (start === null && end === null) throw new ValidationError("time", "a time extent needs at least one end");
    return `${start === null ? "null" : toEpochMs(start)},${end === null ? "null" : toEpochMs(end)}`;
  }
  return String(toEpochMs(time as Date | number));
}

/**
 * The REST parameters of the filter part of a query (shared by query, count,
 * ids, statistics and related operations): where, spatial filter (`geometryType` and
 * `inSR` filled in from whatever geometry was given), buffer distance, time, object ids,
 * version, and any extra parameters. Invalid input rejects the promise, as it always has.
 *
 * The geometry readers are imported statically: behind `import()` they were a chunk of their
 * own, and split from the rest of the query code they gzipped about 1 kB larger in total,
 * which every `@arcrest/query` bundle paid (the bundle budgets count lazy chunks too).
 */
export async function filterParams(filter: QueryFilter): Promise<Record<string, ParamValue>> {
  const params: Record<string, ParamValue> = { where: filter.where === undefined || filter.where.trim() === "" ? "1=1" : filter.where };
  const { geometry } = filter;
  if (geometry !== undefined) {
    Object.assign(params, spatialFilterParams({ ...filter, geometry }, (sr) => spatialReferenceParam(sr, "inSR")));
  } else if (filter.spatialRel !== undefined || filter.distance !== undefined) {
    throw new ValidationError(filter.distance !== undefined ? "distance" : "spatialRel", "needs a geometry to filter by");
  }
  if (filter.time !== undefined) params.time = timeParam(filter.time);
  if (filter.objectIds !== undefined) {
    for (const id of filter.objectIds) {
      if (!Number.isInteger(id)) throw new ValidationError("objectIds", `object ids are integers, got ${String(id)}`);
    }
    params.objectIds = filter.objectIds.join(",");
  }
  if (filter.gdbVersion !== undefined) params.gdbVersion = filter.gdbVersion;
  if (filter.params) Object.assign(params, filter.params);
  return params;
}
