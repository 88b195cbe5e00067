import { geoJSONFeatureToEsri, ValidationError, type EsriFeature, type EsriGeometry, type GeoJSONFeature } from "@arcrest/core";
import type { FeatureInput, FeaturesInput } from "./types.js";

/** A feature ready to send: Esri JSON with JSON-safe attribute values. */
export type WireFeature = EsriFeature<Record<string, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isGeoJSONFeature(value: unknown): value is GeoJSONFeature {
  return isRecord(value) && value.type === "Feature";
}

/** Attribute values as feature services take them: `Date` → epoch ms, `undefined` dropped. */
export function wireAttributes(attributes: Record<string, unknown>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (value instanceof Date) {
      const ms = value.getTime();
      if (!Number.isFinite(ms)) throw new ValidationError(`${where}.attributes.${name}`, "is an invalid Date");
      out[name] = ms;
    } else if (typeof value === "bigint") {
      out[name] = Number(value);
    } else if (typeof value === "object" && value !== null) {
      throw new ValidationError(`${where}.attributes.${name}`, "must be a string, number, boolean, Date or null, not an object");
    } else {
      out[name] = value;
    }
  }
  return out;
}

/**
 * One input feature (Esri JSON or GeoJSON) as Esri JSON to send. GeoJSON geometries are WGS84
 * (their `crs` otherwise) and say so, so the server projects them; GeoJSON `id` fills
 * `idField` (the object id field) when the properties lack it.
 */
export function toWireFeature(input: FeatureInput, where: string, idField?: string): WireFeature {
  if (!isRecord(input)) throw new ValidationError(where, "must be an Esri JSON feature ({ attributes, geometry }) or a GeoJSON Feature");
  if (isGeoJSONFeature(input)) {
    const esri = geoJSONFeatureToEsri(input, idField ? { idField } : {});
    return { attributes: wireAttributes(esri.attributes, where), ...(esri.geometry ? { geometry: esri.geometry } : {}) };
  }
  const { attributes, geometry } = input as { attributes?: unknown; geometry?: unknown };
  if (attributes !== undefined && !isRecord(attributes)) throw new ValidationError(`${where}.attributes`, "must be an object");
  if (geometry !== undefined && geometry !== null && !isRecord(geometry)) throw new ValidationError(`${where}.geometry`, "must be an Esri JSON geometry object");
  const out: WireFeature = { attributes: wireAttributes(attributes ?? {}, where) };
  if (geometry !== undefined) out.geometry = geometry as EsriGeometry | null;
  return out;
}

/** Input features as a list (a GeoJSON FeatureCollection gives its features). */
export function featureList(input: FeaturesInput | undefined, name: string): readonly FeatureInput[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input as readonly FeatureInput[];
  if (isRecord(input) && input.type === "FeatureCollection" && Array.isArray(input.features)) return input.features as GeoJSONFeature[];
  throw new ValidationError(name, "must be an array of features or a GeoJSON FeatureCollection");
}

/** Reads an attribute by field name in any case. */
export function attributeOf(attributes: Record<string, unknown>, field: string): unknown {
  if (field in attributes) return attributes[field];
  const lower = field.toLowerCase();
  for (const [name, value] of Object.entries(attributes)) if (name.toLowerCase() === lower) return value;
  return undefined;
}

/** Sets an attribute, replacing any spelling of the same field name. */
export function setAttribute(attributes: Record<string, unknown>, field: string, value: unknown): void {
  const lower = field.toLowerCase();
  for (const name of Object.keys(attributes)) if (name.toLowerCase() === lower) delete attributes[name];
  attributes[field] = value;
}
