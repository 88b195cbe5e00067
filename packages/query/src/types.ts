import type {
  CallOptions,
  EsriGeometry,
  FeatureSet,
  Field,
  GeoJSONFeature,
  GeoJSONGeometry,
  GeometryInput,
  ParamValue,
  Progress,
  SpatialReference,
} from "@arcrest/core";
import type { PagingPlan, QueryFacts } from "./paging/planner.js";

/** An attribute value after normalisation: dates become `Date`. */
export type FeatureValue = string | number | boolean | null | Date;

/** Attributes keyed by the layer's field names. */
export type Attributes = Record<string, FeatureValue>;

/** A feature (or table row) as arcrest returns it from Esri JSON queries. */
export interface Feature<A extends Record<string, unknown> = Attributes> {
  /** Attribute values keyed by the layer's field names (dates as `Date` unless disabled). */
  attributes: A;
  /** Esri JSON geometry; absent for tables or `returnGeometry: false`. */
  geometry?: EsriGeometry | null;
}

/** A GeoJSON feature as arcrest returns it from `f: "geojson"` queries. */
export type GeoFeature = GeoJSONFeature<Record<string, FeatureValue>>;

/** Spatial relationships of the REST API, also accepted in short form (`"intersects"`). */
export type SpatialRelationship =
  | "esriSpatialRelIntersects"
  | "esriSpatialRelContains"
  | "esriSpatialRelCrosses"
  | "esriSpatialRelEnvelopeIntersects"
  | "esriSpatialRelIndexIntersects"
  | "esriSpatialRelOverlaps"
  | "esriSpatialRelTouches"
  | "esriSpatialRelWithin"
  | "esriSpatialRelRelation"
  | "intersects"
  | "contains"
  | "crosses"
  | "envelope-intersects"
  | "index-intersects"
  | "overlaps"
  | "touches"
  | "within"
  | "relation";

/** Distance units for buffered spatial filters (`distance` + `units`), REST names or short names. */
export type DistanceUnit =
  | "esriSRUnit_Meter"
  | "esriSRUnit_Kilometer"
  | "esriSRUnit_Foot"
  | "esriSRUnit_StatuteMile"
  | "esriSRUnit_NauticalMile"
  | "esriSRUnit_USNauticalMile"
  | "meters"
  | "kilometers"
  | "feet"
  | "miles"
  | "nautical-miles"
  | "us-nautical-miles";

/** A time instant, or an extent `[start, end]` where `null` leaves an end open. */
export type TimeFilter = Date | number | readonly [Date | number | null, Date | number | null];

/** A spatial reference as a well-known id or an object. */
export type SpatialReferenceInput = number | SpatialReference;

/** Which features a query selects. Shared by every read operation. */
export interface QueryFilter {
  /** SQL where clause; default `1=1`. Paging clauses are ANDed with it, never replace it. */
  where?: string;
  /** A spatial filter: anything `Geometry` accepts (Esri JSON, GeoJSON, `[x, y]`, a bbox, a feature ...). */
  geometry?: GeometryInput;
  /** Spatial reference of `geometry` when it does not carry one. */
  inSR?: SpatialReferenceInput;
  /** How features must relate to `geometry`; default intersects. */
  spatialRel?: SpatialRelationship;
  /** Buffer `geometry` by this distance (the seed's `select_by_location` with a distance). */
  distance?: number;
  /** Units of `distance`; default meters. */
  units?: DistanceUnit;
  /** Time instant or extent, for time-aware layers. */
  time?: TimeFilter;
  /** Restrict to these object ids. */
  objectIds?: readonly number[];
  /** Geodatabase version to read. */
  gdbVersion?: string;
  /** Extra REST parameters passed through unchanged (escape hatch). */
  params?: Record<string, ParamValue>;
}

/** How attribute values are normalised on the way in. */
export interface NormalizeOptions {
  /** Date fields as `Date` (default) or left as epoch milliseconds. */
  dates?: boolean;
  /** GUID and GlobalID values in one format, `{UPPER-CASE}` (default true). */
  guids?: boolean;
  /** Rename attribute keys to the layer's field-name case when the server answers in another (default true). */
  fieldCase?: boolean;
  /** Replace coded values by their domain names (default false). */
  decodeDomains?: boolean;
}

/** Options of a feature query (one request, or every page with `getAll`). */
export interface QueryOptions extends QueryFilter, CallOptions {
  /** Fields to return: a list, a comma-separated string or `*` (default). */
  outFields?: string | readonly string[];
  /** Return geometries (default true). */
  returnGeometry?: boolean;
  /** Spatial reference of returned geometries. */
  outSR?: SpatialReferenceInput;
  /** Sort order, e.g. `["state", "stage DESC"]`. */
  orderByFields?: string | readonly string[];
  /** Response format: Esri JSON (default) or GeoJSON. */
  f?: "json" | "geojson";
  /** Return z values. */
  returnZ?: boolean;
  /** Return m values. */
  returnM?: boolean;
  /** Decimal places of returned coordinates. */
  geometryPrecision?: number;
  /** Generalise geometries to this offset (in `outSR` units). */
  maxAllowableOffset?: number;
  /** Value normalisation, or `false` to receive values exactly as the server sent them. */
  normalize?: NormalizeOptions | false;
}

/** Options for reading every page of a query. */
export interface PagingOptions {
  /** Features per page; default (and upper bound) the layer's `maxRecordCount` (the seed's `chunk_size`). */
  pageSize?: number;
  /** Pages in flight at once; default 6 (never more than the session's per-origin limit). Pages are still yielded in order. */
  concurrency?: number;
  /**
   * How to page; `auto` (default) picks by cost: object-id ranges from min/max
   * statistics for dense ids, `resultOffset` for a few pages, id batches otherwise.
   */
  paging?: PagingStrategyName;
  /** Called after each page with the features delivered so far and the server's count. */
  onProgress?: (progress: Progress) => void;
  /** Called once with the paging plan chosen and the count it is based on (for logs and tests). */
  onPlan?: (plan: PagingPlan, facts: QueryFacts) => void;
}

/** Paging strategies (see {@link PagingOptions.paging}). */
export type PagingStrategyName = "auto" | "range" | "offset" | "ids";

/** Options of {@link MapServiceLayer.features} and `streamFeatures`. */
export interface FeaturesOptions extends Omit<QueryOptions, "resultOffset" | "resultRecordCount">, PagingOptions {}

/** Options of a single-request or collect-everything query. */
export interface SingleQueryOptions extends QueryOptions {
  /** Skip this many features (servers with pagination only). */
  resultOffset?: number;
  /** Return at most this many features. */
  resultRecordCount?: number;
}

/** What an Esri JSON query answer says about its features (core's `FeatureSet` without the features, made definite). */
export interface FeatureSetInfo
  extends Pick<FeatureSet, "objectIdFieldName" | "globalIdFieldName" | "displayFieldName" | "geometryType" | "spatialReference" | "hasZ" | "hasM"> {
  /** Fields of the answer (as the server listed them; empty when it sent only `fieldAliases`). */
  fields: Field[];
  /** True when the server stopped at its page limit (never true after `getAll`). */
  exceededTransferLimit: boolean;
}

/** The typed result of an Esri JSON feature query. */
export interface QueryResult<A extends Record<string, unknown> = Attributes> extends FeatureSetInfo {
  /** The features, normalised. */
  features: Feature<A>[];
}

/** The typed result of a GeoJSON feature query. */
export interface GeoJSONQueryResult {
  /** Always `FeatureCollection`. */
  type: "FeatureCollection";
  /** The features, normalised. */
  features: GeoFeature[];
  /** True when the server stopped at its page limit (never true after `getAll`). */
  exceededTransferLimit: boolean;
}

/** Re-exported for convenience: a GeoJSON geometry. */
export type { GeoJSONGeometry };
