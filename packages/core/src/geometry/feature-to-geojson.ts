import type { EsriFeature, FeatureSet, Field } from "../types/esri-json.js";
import { esriToGeoJSON } from "./esri-to-geojson.js";
import type { GeoJSONFeature, GeoJSONFeatureCollection } from "./geojson-types.js";
import type { ZMDefaults } from "./normalize-esri.js";

/** Options of {@link esriFeatureToGeoJSON} and {@link featureSetToGeoJSON}. */
export interface FeatureToGeoJSONOptions extends ZMDefaults {
  /** Attribute whose value becomes the feature `id` (default: the object id field, when known). */
  idField?: string;
  /** Field definitions, used to find the object id field and date fields. */
  fields?: readonly Field[];
  /**
   * How `esriFieldTypeDate` values (epoch milliseconds) are written: `"epoch"`
   * keeps the numbers (default), `"iso"` writes ISO 8601 strings, which GDAL and
   * QGIS read as dates. Needs `fields`.
   */
  dates?: "epoch" | "iso";
}

/**
 * Converts an Esri JSON feature to a GeoJSON Feature: the geometry with
 * {@link esriToGeoJSON}, the attributes as `properties` (all of them, the id
 * field included), and `id` from the id field when it has a value.
 *
 * @param feature - Esri JSON feature
 * @param options - id field, fields, date format and Z/M defaults
 */
export function esriFeatureToGeoJSON(
  feature: EsriFeature<Record<string, unknown>>,
  options: FeatureToGeoJSONOptions = {},
): GeoJSONFeature<Record<string, unknown>> {
  return convert(feature, options, idFieldOf(options), dateFieldsOf(options));
}

/**
 * Converts an Esri JSON feature set (a query response) to a GeoJSON
 * FeatureCollection. The set's `hasZ`/`hasM`, `fields` and `objectIdFieldName`
 * are used unless given in `options`. Coordinates are not projected: query
 * with `outSR: 4326` for RFC 7946 output.
 *
 * @param featureSet - Esri JSON feature set
 * @param options - id field, date format and Z/M defaults
 */
export function featureSetToGeoJSON(
  featureSet: FeatureSet<Record<string, unknown>>,
  options: FeatureToGeoJSONOptions = {},
): GeoJSONFeatureCollection<Record<string, unknown>> {
  const merged: FeatureToGeoJSONOptions = {
    hasZ: featureSet.hasZ,
    hasM: featureSet.hasM,
    fields: featureSet.fields,
    idField: featureSet.objectIdFieldName,
    ...definedOnly(options),
  };
  const idField = idFieldOf(merged);
  const dateFields = dateFieldsOf(merged);
  const features = (featureSet.features ?? []).map((f) => convert(f, merged, idField, dateFields));
  return { type: "FeatureCollection", features };
}

function convert(
  feature: EsriFeature<Record<string, unknown>>,
  options: FeatureToGeoJSONOptions,
  idField: string | undefined,
  dateFields: ReadonlySet<string>,
): GeoJSONFeature<Record<string, unknown>> {
  const properties: Record<string, unknown> = { ...(feature.attributes ?? {}) };
  for (const name of dateFields) {
    const value = properties[name];
    if (typeof value === "number" && Number.isFinite(value)) properties[name] = new Date(value).toISOString();
  }
  const out: GeoJSONFeature<Record<string, unknown>> = {
    type: "Feature",
    geometry: esriToGeoJSON(feature.geometry, options),
    properties,
  };
  const id = idField !== undefined ? properties[idField] : undefined;
  if (typeof id === "number" || typeof id === "string") out.id = id;
  return out;
}

function idFieldOf(options: FeatureToGeoJSONOptions): string | undefined {
  return options.idField ?? options.fields?.find((f) => f.type === "esriFieldTypeOID")?.name;
}

function dateFieldsOf(options: FeatureToGeoJSONOptions): ReadonlySet<string> {
  if (options.dates !== "iso" || !options.fields) return new Set();
  return new Set(options.fields.filter((f) => f.type === "esriFieldTypeDate").map((f) => f.name));
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
