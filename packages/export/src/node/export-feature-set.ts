import type { FeatureSet, Field, GeometryType, SpatialReference } from "@arcrest/core";
import { ExportValidationError } from "../errors.js";
import type { ExportFeature, FeatureSource } from "../types.js";
import { type ExportFileOptions, type ExportResult, writeFeaturesToFile } from "./export-features.js";

/** A feature set as queries and geoprocessing results give it (dates may already be `Date`s). */
export type ExportableFeatureSet = Omit<FeatureSet<Record<string, unknown>>, "features"> & {
  features: ExportFeature[];
  fields?: Field[];
  geometryType?: GeometryType;
  spatialReference?: SpatialReference;
};

/**
 * Writes a feature set (a query response, a GP `GPFeatureRecordSetLayer` value)
 * to a file whose format the extension names. Fields, geometry type, z/m and
 * spatial reference come from the feature set; missing fields are inferred from
 * the attributes.
 *
 * @param featureSet - the features with their description
 * @param destination - `.shp`, `.zip`, `.geojson`, `.json`, `.geojsonl`, `.kml`, `.kmz`, `.csv` or `.gpkg`
 * @throws DestinationExistsError when the destination exists and `overwrite` is not set
 */
export async function exportFeatureSet(
  featureSet: ExportableFeatureSet,
  destination: string,
  options: ExportFileOptions = {},
): Promise<ExportResult> {
  if (!featureSet || !Array.isArray(featureSet.features)) {
    throw new ExportValidationError("exportFeatureSet needs a feature set with a features array", "featureSet");
  }
  return writeFeaturesToFile(featureSetSource(featureSet), destination, options);
}

/** A feature set as a writer's source: fields, geometry type, z/m and spatial reference from it (or its first geometry). */
export function featureSetSource(featureSet: ExportableFeatureSet): FeatureSource {
  const spatialReference = featureSet.spatialReference ?? featureSet.features.find((f) => f.geometry?.spatialReference)?.geometry?.spatialReference;
  return {
    features: featureSet.features,
    ...(featureSet.fields ? { fields: featureSet.fields } : {}),
    ...(featureSet.geometryType ? { geometryType: featureSet.geometryType } : {}),
    ...(spatialReference ? { spatialReference } : {}),
    ...(featureSet.hasZ !== undefined ? { hasZ: featureSet.hasZ } : {}),
    ...(featureSet.hasM !== undefined ? { hasM: featureSet.hasM } : {}),
  };
}
