import { ValidationError, type ParamValue } from "@arcrest/core";
import { geometryQueryParams } from "@arcrest/core/internal";
import type { DistanceUnit, QueryFilter, SpatialRelationship } from "../types.js";

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

/**
 * The spatial part of a filter: `geometry`, `geometryType` and `inSR` read from whatever was
 * given (as `Geometry#toQueryParams` gives them, without loading the `Geometry` class and its
 * GeoJSON and envelope code), `spatialRel`, and a buffer `distance` with its `units`.
 *
 * @param filter - a filter whose `geometry` is set
 * @param inSRParam - writes `filter.inSR` when the geometry itself has no spatial reference
 */
export function spatialFilterParams(
  filter: QueryFilter & { geometry: NonNullable<QueryFilter["geometry"]> },
  inSRParam: (sr: NonNullable<QueryFilter["inSR"]>) => number | string,
): Record<string, ParamValue> {
  // inSR describes coordinates that carry no spatial reference ([x, y], bboxes, bare Esri JSON).
  const q = geometryQueryParams(filter.geometry, filter.inSR);
  const params: Record<string, ParamValue> = { geometry: q.geometry, geometryType: q.geometryType };
  if (q.inSR !== undefined) params.inSR = q.inSR;
  else if (filter.inSR !== undefined) params.inSR = inSRParam(filter.inSR);
  params.spatialRel = spatialRelParam(filter.spatialRel ?? "intersects");
  if (filter.distance !== undefined) {
    if (!Number.isFinite(filter.distance) || filter.distance < 0) {
      throw new ValidationError("distance", `must be a non-negative number, got ${filter.distance}`);
    }
    params.distance = filter.distance;
    params.units = unitsParam(filter.units ?? "meters");
  }
  return params;
}
