import type { EsriFeature, EsriGeometry, FeatureSet, GeometryType, SpatialReference } from "../types/esri-json.js";
import { GeometryError } from "./errors.js";
import { esriGeometryTypeOf } from "./esri-geometry-type.js";
import { spatialReferenceFromCrs } from "./geojson-crs.js";
import { geoJSONToEsri, type GeoJSONToEsriOptions } from "./geojson-to-esri.js";
import type { GeoJSONFeature, GeoJSONFeatureCollection } from "./geojson-types.js";

/** Options of {@link geoJSONFeatureToEsri} and {@link geoJSONToFeatureSet}. */
export interface GeoJSONFeatureToEsriOptions extends GeoJSONToEsriOptions {
  /** Attribute that receives the feature `id` when the properties do not already have it. */
  idField?: string;
}

/**
 * Converts a GeoJSON Feature to an Esri JSON feature: `properties` become
 * `attributes` (copied as they are) and the geometry is converted with
 * {@link geoJSONToEsri}.
 *
 * @param feature - GeoJSON Feature
 * @param options - spatial reference and id field
 */
export function geoJSONFeatureToEsri(
  feature: GeoJSONFeature,
  options: GeoJSONFeatureToEsriOptions = {},
): EsriFeature<Record<string, unknown>> {
  const attributes: Record<string, unknown> = { ...(feature.properties ?? {}) };
  if (options.idField !== undefined && feature.id !== undefined && !(options.idField in attributes)) {
    attributes[options.idField] = feature.id;
  }
  const geometry = geoJSONToEsri(feature.geometry, options);
  return geometry ? { attributes, geometry } : { attributes };
}

/**
 * Converts a GeoJSON FeatureCollection to an Esri JSON feature set. The
 * `geometryType` is that of the first feature with a geometry; every other
 * geometry must convert to the same type (when Points and MultiPoints are
 * mixed, every Point becomes a one-point multipoint). Geometries carry no `spatialReference` of their
 * own: the set's applies, as in a query response.
 *
 * @param collection - GeoJSON FeatureCollection
 * @param options - spatial reference (default: the `crs` member, else 4326) and id field
 * @throws GeometryError when the features mix geometry types
 */
export function geoJSONToFeatureSet(
  collection: GeoJSONFeatureCollection,
  options: GeoJSONFeatureToEsriOptions = {},
): FeatureSet<Record<string, unknown>> {
  const spatialReference: SpatialReference =
    options.spatialReference ?? (options.wkid !== undefined ? { wkid: options.wkid } : (spatialReferenceFromCrs(collection.crs) ?? { wkid: 4326 }));
  const features = (collection.features ?? []).map((f) => geoJSONFeatureToEsri(f, { ...options, spatialReference }));
  const types = new Set(features.map((f) => (f.geometry ? esriGeometryTypeOf(f.geometry) : undefined)));
  types.delete(undefined);
  // Points mixed with multipoints: all become multipoints, the type that holds both.
  const promote = types.has("esriGeometryPoint") && types.has("esriGeometryMultipoint");
  let geometryType: GeometryType | undefined;
  let hasZ = false;
  for (const [i, feature] of features.entries()) {
    if (!feature.geometry) continue;
    if (promote && esriGeometryTypeOf(feature.geometry) === "esriGeometryPoint") feature.geometry = pointToMultipoint(feature.geometry);
    const g = feature.geometry;
    const type = esriGeometryTypeOf(g);
    if (geometryType === undefined) geometryType = type;
    else if (type !== geometryType) {
      throw new GeometryError(`Feature ${i} has a ${type} geometry but the collection's first geometry is a ${geometryType}`);
    }
    if (g.hasZ === true || "z" in g) hasZ = true;
    delete g.spatialReference;
  }
  const out: FeatureSet<Record<string, unknown>> = { spatialReference, features };
  if (geometryType) out.geometryType = geometryType;
  if (hasZ) out.hasZ = true;
  return out;
}

function pointToMultipoint(g: EsriGeometry): EsriGeometry {
  const p = g as { x: number; y: number; z?: number };
  if (Number.isNaN(p.x)) return { points: [] };
  return p.z !== undefined ? { points: [[p.x, p.y, p.z]], hasZ: true } : { points: [[p.x, p.y]] };
}
