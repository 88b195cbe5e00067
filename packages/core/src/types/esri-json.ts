/**
 * Esri JSON shapes as the ArcGIS REST API sends and accepts them.
 * Aligned with `@esri/arcgis-rest-request`'s typings where they exist.
 */

/** A spatial reference: a well-known id, or a WKT string. */
export interface SpatialReference {
  wkid?: number;
  latestWkid?: number;
  vcsWkid?: number;
  latestVcsWkid?: number;
  wkt?: string;
}

/** Geometry type names used by the REST API. */
export type GeometryType =
  | "esriGeometryPoint"
  | "esriGeometryMultipoint"
  | "esriGeometryPolyline"
  | "esriGeometryPolygon"
  | "esriGeometryEnvelope";

/** A position: x, y, and optionally z and/or m (order follows hasZ / hasM). */
export type Position = number[];

interface GeometryBase {
  spatialReference?: SpatialReference;
  hasZ?: boolean;
  hasM?: boolean;
}

/** Esri JSON point. `x` may be null/NaN for an empty point. */
export interface EsriPoint extends GeometryBase {
  x: number;
  y: number;
  z?: number;
  m?: number;
}

/** Esri JSON multipoint. */
export interface EsriMultipoint extends GeometryBase {
  points: Position[];
}

/** Esri JSON polyline: a list of paths. */
export interface EsriPolyline extends GeometryBase {
  paths: Position[][];
}

/** Esri JSON polygon: rings, outer rings clockwise, holes counter-clockwise. */
export interface EsriPolygon extends GeometryBase {
  rings: Position[][];
}

/** Esri JSON envelope. */
export interface EsriEnvelope extends GeometryBase {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  zmin?: number;
  zmax?: number;
  mmin?: number;
  mmax?: number;
}

/** Any Esri JSON geometry. */
export type EsriGeometry = EsriPoint | EsriMultipoint | EsriPolyline | EsriPolygon | EsriEnvelope;

/** Attribute values as they arrive in JSON. */
export type AttributeValue = string | number | boolean | null;

/** An Esri JSON feature (or table row when geometry is absent). */
export interface EsriFeature<A extends Record<string, unknown> = Record<string, AttributeValue>> {
  attributes: A;
  geometry?: EsriGeometry | null;
}

/** Field types of the REST API. */
export type FieldType =
  | "esriFieldTypeOID"
  | "esriFieldTypeGlobalID"
  | "esriFieldTypeGUID"
  | "esriFieldTypeSmallInteger"
  | "esriFieldTypeInteger"
  | "esriFieldTypeBigInteger"
  | "esriFieldTypeSingle"
  | "esriFieldTypeDouble"
  | "esriFieldTypeString"
  | "esriFieldTypeDate"
  | "esriFieldTypeDateOnly"
  | "esriFieldTypeTimeOnly"
  | "esriFieldTypeTimestampOffset"
  | "esriFieldTypeGeometry"
  | "esriFieldTypeBlob"
  | "esriFieldTypeRaster"
  | "esriFieldTypeXML";

/** A coded-value domain entry. */
export interface CodedValue {
  name: string;
  code: string | number;
}

/** A field domain. */
export interface Domain {
  type: "codedValue" | "range" | "inherited" | string;
  name?: string;
  codedValues?: CodedValue[];
  range?: [number, number];
}

/** A field as described in layer metadata and query responses. */
export interface Field {
  name: string;
  type: FieldType | string;
  alias?: string;
  length?: number;
  nullable?: boolean;
  editable?: boolean;
  domain?: Domain | null;
  defaultValue?: unknown;
  sqlType?: string;
}

/** A query response in Esri JSON (`f=json`). */
export interface FeatureSet<A extends Record<string, unknown> = Record<string, AttributeValue>> {
  /** Object id field. */
  objectIdFieldName?: string;
  /** GlobalID field, when the server names one. */
  globalIdFieldName?: string;
  /** Display field. */
  displayFieldName?: string;
  /** Geometry type of the features. */
  geometryType?: GeometryType;
  /** Spatial reference of the geometries. */
  spatialReference?: SpatialReference;
  /** Whether geometries carry z values. */
  hasZ?: boolean;
  /** Whether geometries carry m values. */
  hasM?: boolean;
  fields?: Field[];
  fieldAliases?: Record<string, string>;
  features: EsriFeature<A>[];
  exceededTransferLimit?: boolean;
}
