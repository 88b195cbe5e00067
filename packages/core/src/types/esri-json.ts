/**
 * Esri JSON shapes as the ArcGIS REST API sends and accepts them: the typings of
 * `@esri/arcgis-rest-request` (type-only imports, no bytes in bundles), extended only where
 * they lack something (m values, null geometry, newer field types), so objects typed with
 * arcgis-rest-js pass into arcrest and back without casts.
 */
import type {
  GeometryType as RestGeometryType,
  IExtent,
  IGeometry,
  IHasZM,
  IMultipoint,
  IPoint,
  IPolygon,
  IPolygonWithCurves,
  IPolyline,
  IPolylineWithCurves,
  ISpatialReference,
  Position as RestPosition,
} from "@esri/arcgis-rest-request";


/** A spatial reference: a well-known id, or a WKT string (`ISpatialReference` of `@esri/arcgis-rest-request`). */
export type SpatialReference = ISpatialReference;

/** Geometry type names used by the REST API (`GeometryType` of `@esri/arcgis-rest-request`). */
export type GeometryType = RestGeometryType;

/**
 * A position: `[x, y]`, `[x, y, z]` or `[x, y, m]`, `[x, y, z, m]` (order follows hasZ / hasM);
 * the `Position` of `@esri/arcgis-rest-request`.
 */
export type Position = RestPosition;

/** Esri JSON point (an `IPoint` that may carry an m value). `x` may be null/NaN for an empty point. */
export interface EsriPoint extends IPoint {
  m?: number;
}

/** Esri JSON multipoint (`IMultipoint`). */
export type EsriMultipoint = IMultipoint;

/** Esri JSON polyline: a list of paths (`IPolyline`). */
export type EsriPolyline = IPolyline;

/** Esri JSON polygon: rings, outer rings clockwise, holes counter-clockwise (`IPolygon`). */
export type EsriPolygon = IPolygon;

/** Esri JSON envelope (an `IExtent` that may carry m bounds and hasZ / hasM). */
export interface EsriEnvelope extends IExtent, IHasZM {
  mmin?: number;
  mmax?: number;
}

/** Any Esri JSON geometry. */
export type EsriGeometry = EsriPoint | EsriMultipoint | EsriPolyline | EsriPolygon | EsriEnvelope;

/** A position as arcrest accepts it: the tuples of `@esri/arcgis-rest-request` or any plain number array. */
export type PositionLike = readonly number[];

/** A multipoint as arcrest accepts it (positions as plain number arrays allowed). */
export interface EsriMultipointLike extends IHasZM, IGeometry {
  points: readonly PositionLike[];
}

/** A polyline as arcrest accepts it (positions as plain number arrays allowed). */
export interface EsriPolylineLike extends IHasZM, IGeometry {
  paths: readonly (readonly PositionLike[])[];
}

/** A polygon as arcrest accepts it (positions as plain number arrays allowed). */
export interface EsriPolygonLike extends IHasZM, IGeometry {
  rings: readonly (readonly PositionLike[])[];
}

/**
 * Any Esri JSON geometry as arcrest accepts it: every {@link EsriGeometry} (and so every
 * `IPoint`, `IMultipoint`, `IPolyline`, `IPolygon`, `IExtent` of `@esri/arcgis-rest-request`)
 * and the same shapes with positions typed as plain `number[]`.
 */
export type EsriGeometryLike = EsriPoint | EsriEnvelope | EsriMultipointLike | EsriPolylineLike | EsriPolygonLike;

/**
 * A polyline or polygon with true curves (`IPolylineWithCurves` / `IPolygonWithCurves` of
 * `@esri/arcgis-rest-request`), as services that support curves send them.
 */
export type EsriCurveGeometry = IPolylineWithCurves | IPolygonWithCurves;

/**
 * A feature's geometry as arcrest accepts it: any {@link EsriGeometryLike}, or a curve geometry
 * (every `IFeature["geometry"]` of `@esri/arcgis-rest-request`). Curves are sent to servers as they
 * are; functions that need straight segments (`Geometry`, file writers) report them as not readable.
 */
export type FeatureGeometryLike = EsriGeometryLike | EsriCurveGeometry;

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
