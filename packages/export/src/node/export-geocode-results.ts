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

/** Options of {@link exportGeocodeResults}. */
export interface ExportGeocodeOptions extends ExportFileOptions {
  /** Spatial reference of the locations when they carry none (the response's; default 4326). */
  spatialReference?: SpatialReference;
}

/**
 * Writes geocode candidates as points: `address` and `score` fields followed by
 * the locator's other output fields (typed from their values).
 *
 * @param candidates - candidates from `findAddressCandidates` (or any with address, location, score)
 * @param destination - `.shp`, `.zip`, `.geojson`, `.json`, `.geojsonl`, `.kml`, `.kmz` or `.csv`
 */
export async function exportGeocodeResults(
  candidates: readonly GeocodeCandidateLike[],
  destination: string,
  options: ExportGeocodeOptions = {},
): Promise<ExportResult> {
  if (!Array.isArray(candidates)) throw new ExportValidationError("exportGeocodeResults needs an array of candidates", "candidates");
  const reserved = new Set(["address", "score"]);
  const features: ExportFeature[] = candidates.map((candidate, index) => {
    if (!candidate || typeof candidate !== "object" || !candidate.location) {
      throw new ExportValidationError(`Candidate #${index} has no location`, "candidates");
    }
    const extra = Object.fromEntries(Object.entries(candidate.attributes ?? {}).filter(([key]) => !reserved.has(key.toLowerCase())));
    const { x, y, z } = candidate.location;
    return {
      attributes: { address: candidate.address ?? null, score: candidate.score ?? null, ...extra },
      geometry: { x, y, ...(typeof z === "number" ? { z } : {}) },
    };
  });
  const extraFields: Field[] = inferColumns(features)
    .filter((c) => !reserved.has(c.name))
    .map((c) => ({
      name: c.name,
      type:
        c.kind === "integer"
          ? "esriFieldTypeInteger"
          : c.kind === "double"
            ? "esriFieldTypeDouble"
            : c.kind === "date"
              ? "esriFieldTypeDate"
              : c.kind === "guid"
                ? "esriFieldTypeGUID"
                : c.kind === "boolean"
                  ? "boolean"
                  : "esriFieldTypeString",
    }));
  const fields: Field[] = [
    { name: "address", type: "esriFieldTypeString", length: 254 },
    { name: "score", type: "esriFieldTypeDouble" },
    ...extraFields,
  ];
  const spatialReference =
    candidates.find((c) => c.location.spatialReference)?.location.spatialReference ?? options.spatialReference ?? { wkid: 4326 };
  return writeFeaturesToFile(
    {
      features,
      fields,
      geometryType: "esriGeometryPoint",
      spatialReference,
      hasZ: features.some((f) => f.geometry && "z" in f.geometry),
    },
    destination,
    options,
  );
}
