import { ValidationError, toEpochMs, type ParamValue, type SpatialReference } from "@arcrest/core";
import type { DistanceUnit, QueryFilter, SpatialReferenceInput, SpatialRelationship, TimeFilter } from "../types.js";

const SPATIAL_RELS: Record<string, string> = {
  intersects: "esriSpatialRelIntersects",
  contains: "esriSpatialRelContains",
  crosses: "esriSpatialRelCrosses",
  "envelope-intersects": "esriSpatialRelEnvelopeIntersects",
  "index-intersects": "esriSpatialRelIndexIntersects",
  overlaps: "esriSpatialRelOverlaps",
  touches: "esriSpatialRelTouches",
  within: "esriSpatialRelWithin",
  relation: "esriSpatialRelRelation",
};

const UNITS: Record<string, string> = {
  meters: "esriSRUnit_Meter",
  kilometers: "esriSRUnit_Kilometer",
  feet: "esriSRUnit_Foot",
  miles: "esriSRUnit_StatuteMile",
  "nautical-miles": "esriSRUnit_NauticalMile",
  "us-nautical-miles": "esriSRUnit_USNauticalMile",
};

/** `esriSpatialRel*` for a short or REST name. */
export function spatialRelParam(rel: SpatialRelationship): string {
  if (rel.startsWith("esriSpatialRel")) return rel;
  const mapped = SPATIAL_RELS[rel];
  if (!mapped) throw new ValidationError("spatialRel", `unknown spatial relationship "${rel}"`);
  return mapped;
}

/** `esriSRUnit_*` for a short or REST unit name. */
export function unitsParam(units: DistanceUnit): string {
  if (units.startsWith("esriSRUnit_")) return units;
  const mapped = UNITS[units];
  if (!mapped) throw new ValidationError("units", `unknown distance unit "${units}"; use ${Object.keys(UNITS).join(", ")}`);
  return mapped;
}

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
 * ids, statistics and related operations): where, spatial filter built through
 * `Geometry` (so `geometryType` and `inSR` are filled in from whatever was given),
 * buffer distance, time, object ids, version, and any extra parameters.
 * Asynchronous because the geometry readers are loaded only when a geometry is given.
 */
export async function filterParams(filter: QueryFilter): Promise<Record<string, ParamValue>> {
  const params: Record<string, ParamValue> = { where: filter.where === undefined || filter.where.trim() === "" ? "1=1" : filter.where };
  const { geometry } = filter;
  if (geometry !== undefined) {
    const { geometryFilterParams } = await import("./geometry-filter-params.js");
    Object.assign(params, geometryFilterParams({ ...filter, geometry }, (sr) => spatialReferenceParam(sr, "inSR")));
    params.spatialRel = spatialRelParam(filter.spatialRel ?? "intersects");
  } else if (filter.spatialRel !== undefined || filter.distance !== undefined) {
    throw new ValidationError(filter.distance !== undefined ? "distance" : "spatialRel", "needs a geometry to filter by");
  }
  if (filter.distance !== undefined) {
    if (!Number.isFinite(filter.distance) || filter.distance < 0) {
      throw new ValidationError("distance", `must be a non-negative number, got ${filter.distance}`);
    }
    params.distance = filter.distance;
    params.units = unitsParam(filter.units ?? "meters");
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
