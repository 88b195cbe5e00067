import type { Field, SpatialReference } from "@arcrest/core";
import { ExportValidationError } from "../errors.js";
import type { ExportFeature } from "../types.js";
import { inferColumns } from "../values/columns.js";
import { type ExportFileOptions, type ExportResult, writeFeaturesToFile } from "./export-features.js";

/** A geocode candidate as `findAddressCandidates` returns it. */
export interface GeocodeCandidateLike {
  /** The matched address. */
  address: string;
  /** Where it is. */
  location: { x: number; y: number; z?: number; spatialReference?: SpatialReference };
  /** Match score, 0–100. */
  score: number;
  /** Extra output fields the locator returned. */
  attributes?: Record<string, unknown>;
  /** The candidate's extent, not written. */
  extent?: unknown;
}

/** One record's answer as `geocodeAddresses` (`@arcrest/geocode`) returns it. */
export interface GeocodeResultLike {
  /** Position of the record in the input. */
  index: number;
  /** `matched`, `tied`, `unmatched` or `failed`. */
  status: string;
  /** The best candidate; absent for unmatched and failed records. */
  candidate?: GeocodeCandidateLike;
  /** Why the record failed. */
  error?: { message: string };
}

/** Options of {@link exportGeocodeResults}. */
export interface ExportGeocodeOptions extends ExportFileOptions {
  /** Spatial reference of the locations when they carry none (the response's; default 4326). */
  spatialReference?: SpatialReference;
  /**
   * The input records of `geocodeAddresses` results (`records[result.index]`), written as input
   * columns: `input` for one-line addresses, `in_<field>` for address fields.
   */
  records?: ReadonlyArray<string | Readonly<Record<string, string>>>;
}

const RESERVED = new Set(["address", "score", "status", "error", "input"]);

function isResult(item: GeocodeCandidateLike | GeocodeResultLike): item is GeocodeResultLike {
  return typeof (item as GeocodeResultLike).status === "string" && typeof (item as GeocodeResultLike).index === "number";
}

function extras(candidate: GeocodeCandidateLike | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(candidate?.attributes ?? {}).filter(([key]) => !RESERVED.has(key.toLowerCase())));
}

function geometryOf(candidate: GeocodeCandidateLike | undefined): ExportFeature["geometry"] {
  if (!candidate?.location) return null;
  const { x, y, z } = candidate.location;
  return { x, y, ...(typeof z === "number" ? { z } : {}) };
}

function inputColumns(record: string | Readonly<Record<string, string>> | undefined): Record<string, unknown> {
  if (record === undefined) return {};
  if (typeof record === "string") return { input: record };
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [`in_${key}`, value]));
}

function toFeature(item: GeocodeCandidateLike | GeocodeResultLike, index: number, records: ExportGeocodeOptions["records"]): ExportFeature {
  if (!item || typeof item !== "object") throw new ExportValidationError(`Item #${index} is not a candidate or a geocode result`, "candidates");
  if (isResult(item)) {
    const { candidate, status, error } = item;
    const head = { status, score: candidate?.score ?? null, address: candidate?.address ?? null };
    const attributes = { ...head, ...inputColumns(records?.[item.index]), error: error?.message ?? null, ...extras(candidate) };
    return { attributes, geometry: geometryOf(candidate) };
  }
  if (!item.location) throw new ExportValidationError(`Candidate #${index} has no location`, "candidates");
  return { attributes: { address: item.address ?? null, score: item.score ?? null, ...extras(item) }, geometry: geometryOf(item) };
}

function fieldType(kind: string): Field["type"] {
  const types: Record<string, Field["type"]> = {
    integer: "esriFieldTypeInteger",
    double: "esriFieldTypeDouble",
    date: "esriFieldTypeDate",
    guid: "esriFieldTypeGUID",
    boolean: "boolean" as Field["type"],
  };
  return types[kind] ?? "esriFieldTypeString";
}

/**
 * Writes geocode candidates, or `geocodeAddresses` results, as points. Candidates get `address`
 * and `score` then the locator's other fields; results get `status`, `score`, the match `address`,
 * the input columns (with `records`), `error`, then the candidate's fields. Unmatched and failed
 * records are kept with a null geometry (a null shape in a shapefile).
 *
 * @param candidates - candidates from `findAddressCandidates`, or results from `geocodeAddresses`
 * @param destination - `.shp`, `.zip`, `.geojson`, `.json`, `.geojsonl`, `.kml`, `.kmz` or `.csv`
 * @example
 * ```ts
 * const results = await geocoder.geocodeAddresses(records);
 * await exportGeocodeResults(results, "out/geocoded.shp", { records });
 * ```
 */
export async function exportGeocodeResults(
  candidates: ReadonlyArray<GeocodeCandidateLike | GeocodeResultLike>,
  destination: string,
  options: ExportGeocodeOptions = {},
): Promise<ExportResult> {
  if (!Array.isArray(candidates)) throw new ExportValidationError("exportGeocodeResults needs an array of candidates or geocode results", "candidates");
  const features = candidates.map((item, index) => toFeature(item, index, options.records));
  const numeric = new Set(["score"]);
  const fields: Field[] = inferColumns(features).map((c) => ({
    name: c.name,
    type: numeric.has(c.name) ? "esriFieldTypeDouble" : fieldType(c.kind),
    ...(c.name === "address" ? { length: 254 } : {}),
  }));
  const located = candidates.map((c) => (isResult(c) ? c.candidate : c)).find((c) => c?.location?.spatialReference);
  const spatialReference = located?.location.spatialReference ?? options.spatialReference ?? { wkid: 4326 };
  return writeFeaturesToFile(
    { features, fields, geometryType: "esriGeometryPoint", spatialReference, hasZ: features.some((f) => f.geometry && "z" in f.geometry) },
    destination,
    options,
  );
}
