import type { EsriFeature, EsriGeometry, Field, GeometryType, SpatialReference } from "@arcrest/core";
import type { FeatureSetInfo } from "../types.js";
import { isRecord, readFlag, unexpectedResponse } from "./response-error.js";

/** A query page in Esri JSON, checked but not yet normalised. */
export interface ParsedFeatureSet extends FeatureSetInfo {
  /** Features as sent (attributes filled in when missing). */
  features: EsriFeature<Record<string, unknown>>[];
}

/** Checks one feature and fills in what servers leave out (`attributes` on geometry-only answers). */
export function parseEsriFeature(value: unknown, url: string): EsriFeature<Record<string, unknown>> {
  if (!isRecord(value)) throw unexpectedResponse(url, "a feature object", value);
  const attributes = isRecord(value.attributes) ? value.attributes : {};
  const geometry = isRecord(value.geometry) ? (value.geometry as unknown as EsriGeometry) : value.geometry === null ? null : undefined;
  return geometry === undefined ? { attributes } : { attributes, geometry };
}

/** `fields` as sent, or none; a field without a string `name` is a broken answer, not something to guess around. */
function parseFields(value: unknown, url: string): Field[] {
  if (!Array.isArray(value)) return [];
  for (const field of value) {
    if (!isRecord(field) || typeof field.name !== "string") throw unexpectedResponse(url, "fields with a name", field);
  }
  return value as Field[];
}

/**
 * Parses a layer `query` answer in Esri JSON. Accepts what real servers send:
 * no `fields` (only `fieldAliases`), no `objectIdFieldName` (found from the
 * field types instead), `exceededTransferLimit` missing or as a string.
 */
export function parseFeatureSet(json: unknown, url: string): ParsedFeatureSet {
  if (!isRecord(json) || !Array.isArray(json.features)) throw unexpectedResponse(url, "a feature set ({ features: [...] })", json);
  const fields = parseFields(json.fields, url);
  const features = json.features as unknown[];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (!isRecord(f) || !isRecord(f.attributes)) features[i] = parseEsriFeature(f, url);
  }
  const declaredOid = typeof json.objectIdFieldName === "string" ? json.objectIdFieldName : undefined;
  const oidFromFields = fields.find((f) => f.type === "esriFieldTypeOID")?.name;
  const result: ParsedFeatureSet = {
    features: features as EsriFeature<Record<string, unknown>>[],
    fields,
    exceededTransferLimit: readFlag(json.exceededTransferLimit),
  };
  const oid = declaredOid ?? oidFromFields;
  if (oid !== undefined) result.objectIdFieldName = oid;
  if (typeof json.globalIdFieldName === "string" && json.globalIdFieldName) result.globalIdFieldName = json.globalIdFieldName;
  if (typeof json.displayFieldName === "string") result.displayFieldName = json.displayFieldName;
  if (typeof json.geometryType === "string") result.geometryType = json.geometryType as GeometryType;
  if (isRecord(json.spatialReference)) result.spatialReference = json.spatialReference as SpatialReference;
  if (typeof json.hasZ === "boolean") result.hasZ = json.hasZ;
  if (typeof json.hasM === "boolean") result.hasM = json.hasM;
  return result;
}
