/**
 * GeoJSON shapes (RFC 7946) used by the converters. Defined here rather than
 * taken from `@types/geojson` so `@arcrest/core` has no type-only dependency.
 */

/** A GeoJSON position: `[x, y]` or `[x, y, z]` (longitude, latitude, height in RFC 7946). */
export type GeoJSONPosition = number[];

/** A GeoJSON bounding box: `[west, south, east, north]` or with heights `[w, s, zmin, e, n, zmax]`. */
export type GeoJSONBBox = [number, number, number, number] | [number, number, number, number, number, number];

/** The old (2008) GeoJSON `crs` member, still sent by ArcGIS for `f=geojson` with an `outSR`. */
export interface GeoJSONNamedCrs {
  /** Always `"name"`. */
  /** The GeoJSON type. */
  type: "name";
  /** The CRS name, e.g. `EPSG:3857` or `urn:ogc:def:crs:EPSG::3857`. */
  properties: {
    /** The CRS name. */
    name: string;
  };
}

interface GeoJSONObjectBase {
  /** Bounding box of the object, when given. */
  bbox?: GeoJSONBBox;
  /** Not part of RFC 7946; read when present, never written. */
  crs?: GeoJSONNamedCrs | null;
}

/** GeoJSON Point. */
export interface GeoJSONPoint extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "Point";
  /** The positions. */
  coordinates: GeoJSONPosition;
}

/** GeoJSON MultiPoint. */
export interface GeoJSONMultiPoint extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "MultiPoint";
  /** The positions. */
  coordinates: GeoJSONPosition[];
}

/** GeoJSON LineString. */
export interface GeoJSONLineString extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "LineString";
  /** The positions. */
  coordinates: GeoJSONPosition[];
}

/** GeoJSON MultiLineString. */
export interface GeoJSONMultiLineString extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "MultiLineString";
  /** The positions. */
  coordinates: GeoJSONPosition[][];
}

/** GeoJSON Polygon: first ring exterior (counter-clockwise), the others holes (clockwise). */
export interface GeoJSONPolygon extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "Polygon";
  /** The positions. */
  coordinates: GeoJSONPosition[][];
}

/** GeoJSON MultiPolygon. */
export interface GeoJSONMultiPolygon extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "MultiPolygon";
  /** The positions. */
  coordinates: GeoJSONPosition[][][];
}

/** GeoJSON GeometryCollection. */
export interface GeoJSONGeometryCollection extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "GeometryCollection";
  /** The member geometries. */
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
  /** The GeoJSON type. */
  type: "Feature";
  /** Feature identifier. */
  id?: string | number;
  /** The geometry; `null` when the feature has none. */
  geometry: GeoJSONGeometry | null;
  /** The attributes. */
  properties: P;
}

/** A GeoJSON FeatureCollection. */
export interface GeoJSONFeatureCollection<P extends GeoJSONProperties = GeoJSONProperties> extends GeoJSONObjectBase {
  /** The GeoJSON type. */
  type: "FeatureCollection";
  /** The features. */
  features: GeoJSONFeature<P>[];
}
