/**
 * GeoJSON shapes (RFC 7946) used by the converters. Defined here rather than
 * taken from `@types/geojson` so `@arcrest/core` has no type-only dependency.
 */

/** A GeoJSON position: `[x, y]` or `[x, y, z]` (longitude, latitude, height in RFC 7946). */
export type GeoJSONPosition = number[];

/** A GeoJSON bounding box: `[west, south, east, north]` or with heights `[w, s, zmin, e, n, zmax]`. */
export type GeoJSONBBox = number[];

/** The old (2008) GeoJSON `crs` member, still sent by ArcGIS for `f=geojson` with an `outSR`. */
export interface GeoJSONNamedCrs {
  type: "name";
  properties: { name: string };
}

interface GeoJSONObjectBase {
  bbox?: GeoJSONBBox;
  /** Not part of RFC 7946; read when present, never written. */
  crs?: GeoJSONNamedCrs | null;
}

/** GeoJSON Point. */
export interface GeoJSONPoint extends GeoJSONObjectBase {
  type: "Point";
  coordinates: GeoJSONPosition;
}

/** GeoJSON MultiPoint. */
export interface GeoJSONMultiPoint extends GeoJSONObjectBase {
  type: "MultiPoint";
  coordinates: GeoJSONPosition[];
}

/** GeoJSON LineString. */
export interface GeoJSONLineString extends GeoJSONObjectBase {
  type: "LineString";
  coordinates: GeoJSONPosition[];
}

/** GeoJSON MultiLineString. */
export interface GeoJSONMultiLineString extends GeoJSONObjectBase {
  type: "MultiLineString";
  coordinates: GeoJSONPosition[][];
}

/** GeoJSON Polygon: first ring exterior (counter-clockwise), the others holes (clockwise). */
export interface GeoJSONPolygon extends GeoJSONObjectBase {
  type: "Polygon";
  coordinates: GeoJSONPosition[][];
}

/** GeoJSON MultiPolygon. */
export interface GeoJSONMultiPolygon extends GeoJSONObjectBase {
  type: "MultiPolygon";
  coordinates: GeoJSONPosition[][][];
}

/** GeoJSON GeometryCollection. */
export interface GeoJSONGeometryCollection extends GeoJSONObjectBase {
  type: "GeometryCollection";
  geometries: GeoJSONGeometry[];
}

/** Any GeoJSON geometry. */
export type GeoJSONGeometry =
  | GeoJSONPoint
  | GeoJSONMultiPoint
  | GeoJSONLineString
  | GeoJSONMultiLineString
  | GeoJSONPolygon
  | GeoJSONMultiPolygon
  | GeoJSONGeometryCollection;

/** Properties of a GeoJSON feature. */
export type GeoJSONProperties = Record<string, unknown> | null;

/** A GeoJSON Feature. */
export interface GeoJSONFeature<P extends GeoJSONProperties = GeoJSONProperties> extends GeoJSONObjectBase {
  type: "Feature";
  id?: string | number;
  geometry: GeoJSONGeometry | null;
  properties: P;
}

/** A GeoJSON FeatureCollection. */
export interface GeoJSONFeatureCollection<P extends GeoJSONProperties = GeoJSONProperties> extends GeoJSONObjectBase {
  type: "FeatureCollection";
  features: GeoJSONFeature<P>[];
}
