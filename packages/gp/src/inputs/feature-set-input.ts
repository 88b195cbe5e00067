import {
  Geometry,
  ValidationError,
  esriGeometryTypeOf,
  geoJSONFeatureToEsri,
  geoJSONToFeatureSet,
  isEsriGeometry,
  type EsriFeature,
  type EsriGeometry,
  type FeatureSet,
  type GeoJSONFeature,
  type GeoJSONFeatureCollection,
  type GeometryInput,
  type SpatialReference,
} from "@arcrest/core";
import { isObject } from "../parse/shape.js";

type Features = EsriFeature<Record<string, unknown>>[];


/** A feature set of features whose geometries carry no spatial reference of their own. */
function featureSetOf(features: Features, spatialReference: SpatialReference | undefined): FeatureSet<Record<string, unknown>> {
  const first = features.find((f) => f.geometry)?.geometry;
  for (const f of features) if (f.geometry) delete f.geometry.spatialReference;
  return {
    ...(first ? { geometryType: esriGeometryTypeOf(first) } : {}),
    ...(spatialReference ? { spatialReference } : {}),
    features,
  };
}

function fromGeometry(input: unknown): { feature: EsriFeature<Record<string, unknown>>; sr: SpatialReference | undefined } {
  const geometry = Geometry.from(input as GeometryInput);
  const esri: EsriGeometry = geometry.toEsriJSON();
  return { feature: { attributes: {}, geometry: esri }, sr: geometry.spatialReference };
}

/** An Esri feature set as given: `sr` (the seed's spelling) becomes `spatialReference`. */
function fromEsriFeatureSet(value: Record<string, unknown>): FeatureSet<Record<string, unknown>> {
  const { sr, features, ...rest } = value as { sr?: SpatialReference; features: unknown[] } & Record<string, unknown>;
  const copies: Features = features.map((f, i) => {
    if (!isObject(f)) throw new Error(`feature ${i} is not an object`);
    return { attributes: isObject(f.attributes) ? f.attributes : {}, ...(isObject(f.geometry) ? { geometry: { ...(f.geometry as unknown as EsriGeometry) } } : {}) };
  });
  const first = copies.find((f) => f.geometry)?.geometry;
  const spatialReference = (rest.spatialReference as SpatialReference | undefined) ?? sr ?? first?.spatialReference;
  return { ...rest, ...featureSetOf(copies, spatialReference), ...(typeof rest.geometryType === "string" ? { geometryType: rest.geometryType } : {}) } as FeatureSet<Record<string, unknown>>;
}

/** A JSON text (as the seed passes `str(point)`) read as the value it holds. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error("the text is not JSON");
  }
}

function convert(input: unknown): FeatureSet<Record<string, unknown>> | { url: string } {
  const value = typeof input === "string" ? parsed(input) : input;
  if (value instanceof Geometry) {
    const { feature, sr } = fromGeometry(value);
    return featureSetOf([feature], sr);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error("an empty list has no features");
    const converted = value.map((v) => (isObject(v) && isObject(v.geometry) ? fromGeometry(v.geometry) : fromGeometry(v)));
    value.forEach((v, i) => {
      if (isObject(v) && isObject(v.attributes)) converted[i].feature.attributes = { ...v.attributes };
    });
    return featureSetOf(converted.map((c) => c.feature), converted[0].sr);
  }
  if (!isObject(value)) throw new Error("expected a geometry, features or a feature set");
  if (typeof value.url === "string" && !("features" in value)) return { url: value.url };
  if (value.type === "FeatureCollection") return geoJSONToFeatureSet(value as unknown as GeoJSONFeatureCollection);
  if (value.type === "Feature") {
    const feature = geoJSONFeatureToEsri(value as unknown as GeoJSONFeature, { wkid: 4326 });
    return featureSetOf([feature], { wkid: 4326 });
  }
  if (Array.isArray(value.features)) return fromEsriFeatureSet(value);
  if (isObject(value.geometry) && !isEsriGeometry(value)) {
    const { feature, sr } = fromGeometry(value.geometry);
    if (isObject(value.attributes)) feature.attributes = { ...value.attributes };
    return featureSetOf([feature], sr);
  }
  const { feature, sr } = fromGeometry(value);
  return featureSetOf([feature], sr);
}

/**
 * A GPFeatureRecordSetLayer input as the server reads it: `{ geometryType, spatialReference, features }`.
 * Accepts a core `Geometry`, Esri JSON geometry / feature / feature set (with `sr` or
 * `spatialReference`), GeoJSON geometry / Feature / FeatureCollection, a list of geometries or
 * features, `{ url }` of a layer, or any of these as JSON text.
 *
 * @throws ValidationError naming `inputs.<name>` when the value is none of these
 */
export function featureSetInput(name: string, value: unknown): FeatureSet<Record<string, unknown>> | { url: string } {
  try {
    return convert(value);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`inputs.${name}`, `not a feature set, features or a geometry (${problem})`);
  }
}
