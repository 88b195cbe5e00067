/**
 * Geometry: the `Geometry` class, Esri JSON ⇄ GeoJSON conversion and small
 * geometry utilities. Browser-safe; projection lives in `@arcrest/core/projection`
 * and file reading in `@arcrest/core/node`.
 *
 * @module
 */
export { Geometry, type GeometryInput, type GeometryOptions, type EsriFeatureLike, type EsriFeatureSetLike } from "./geometry.js";
export { Envelope } from "./envelope.js";
export { GeometryError } from "./errors.js";
export type { GeometryQueryParams } from "./query-params.js";
export { esriToGeoJSON, type EsriToGeoJSONOptions } from "./esri-to-geojson.js";
export { geoJSONToEsri, type GeoJSONToEsriOptions } from "./geojson-to-esri.js";
export { esriFeatureToGeoJSON, featureSetToGeoJSON, type FeatureToGeoJSONOptions } from "./feature-to-geojson.js";
export { geoJSONFeatureToEsri, geoJSONToFeatureSet, type GeoJSONFeatureToEsriOptions } from "./feature-from-geojson.js";
export { normalizeEsriGeometry, closeRing, type ZMDefaults } from "./normalize-esri.js";
export { groupRings, type RingGroup } from "./group-rings.js";
export { spatialReferenceFromCrs } from "./geojson-crs.js";
export {
  esriGeometryTypeOf,
  isEsriGeometry,
  isEsriPoint,
  isEsriMultipoint,
  isEsriPolyline,
  isEsriPolygon,
  isEsriEnvelope,
} from "./esri-geometry-type.js";
export { ringArea, isClockwise } from "./ring-area.js";
export { pointInRing, classifyPointInRing, type RingContainment } from "./point-in-ring.js";
export { envelopeOf } from "./envelope-of.js";
export { bboxIntersects, toBBox, type BBox, type BoundsLike } from "./bbox-intersects.js";
export type {
  GeoJSONPosition,
  GeoJSONBBox,
  GeoJSONNamedCrs,
  GeoJSONPoint,
  GeoJSONMultiPoint,
  GeoJSONLineString,
  GeoJSONMultiLineString,
  GeoJSONPolygon,
  GeoJSONMultiPolygon,
  GeoJSONGeometryCollection,
  GeoJSONGeometry,
  GeoJSONProperties,
  GeoJSONFeature,
  GeoJSONFeatureCollection,
} from "./geojson-types.js";
