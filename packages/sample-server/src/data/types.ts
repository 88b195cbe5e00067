/**
 * The sample server's own data model. It deliberately shares nothing with
 * @arcrest/core so that the client and the server cannot hide each other's bugs.
 */

export type SampleGeometryType =
  | "esriGeometryPoint"
  | "esriGeometryMultipoint"
  | "esriGeometryPolyline"
  | "esriGeometryPolygon";

/** Geometry as stored: Esri JSON without spatialReference (the layer's SR applies). */
export type SampleGeometry =
  | { x: number; y: number; z?: number; m?: number }
  | { points: number[][] }
  | { paths: number[][][] }
  | { rings: number[][][] };

export interface SampleField {
  name: string;
  type: string; // esriFieldType*
  alias: string;
  length?: number;
  nullable?: boolean;
  editable?: boolean;
  domain?: null | { type: "codedValue"; name: string; codedValues: { name: string; code: string | number }[] } | { type: "range"; name: string; range: [number, number] };
  defaultValue?: unknown;
}

export interface SampleFeature {
  attributes: Record<string, string | number | boolean | null>;
  geometry: SampleGeometry | null;
}

export interface SampleRelationship {
  id: number;
  name: string;
  relatedTableId: number;
  cardinality: "esriRelCardinalityOneToOne" | "esriRelCardinalityOneToMany" | "esriRelCardinalityManyToMany";
  role: "esriRelRoleOrigin" | "esriRelRoleDestination";
  keyField: string;
  /** Field in the related table that matches keyField. */
  relatedKeyField: string;
  composite: boolean;
}

export interface SampleAttachment {
  id: number;
  parentObjectId: number;
  globalId: string;
  name: string;
  contentType: string;
  keywords: string;
  data: Uint8Array;
}

/**
 * A read-only, lazily generated feature source (used by the synthetic benchmark layer so that
 * a million features never exist in memory at once).
 *
 * Contract: the layer's object ids are exactly 1..count, contiguous and ascending, and
 * `featureAt(i)` returns the feature whose object id is `i + 1`, built fresh on every call
 * (deterministic: the same i always gives an equal feature). Callers may mutate what they get.
 * A query engine can use this for a fast path: an object-id ordered page is `featureAt(offset..)`,
 * an object-id range `oid >= a AND oid <= b` is `featureAt(a-1..b-1)`, a count without a where is `count`.
 */
export interface LazyFeatureSource {
  /** Number of features (object ids 1..count). */
  readonly count: number;
  /** The feature with object id `index + 1`; `index` in [0, count). */
  featureAt(index: number): SampleFeature;
  /** Bounding box of all geometries, in the layer's wkid. */
  readonly extent: SampleExtent;
}

/** An envelope in the layer's spatial reference (no spatialReference member). */
export interface SampleExtent {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/**
 * A layer or table of a sample service.
 *
 * `features` always works as an array: for ordinary layers it is a plain, mutable array (edits
 * change it); for a layer with `lazy` set it is a read-only array-like view of the same length
 * whose elements are generated on access (indexing, iteration, `slice`, `filter`, ... work but
 * every full scan builds every feature: prefer `lazy` for large ranges). Writes to a lazy
 * layer's `features` are ignored.
 */
export interface SampleLayer {
  id: number;
  name: string;
  type: "Feature Layer" | "Table";
  /** Absent for tables. */
  geometryType?: SampleGeometryType;
  hasZ?: boolean;
  hasM?: boolean;
  /** wkid the geometries are stored in (4326 or 3857). */
  wkid: number;
  fields: SampleField[];
  objectIdField: string;
  globalIdField?: string;
  displayField: string;
  description?: string;
  /** What the layer advertises. */
  maxRecordCount: number;
  /** What the layer really serves per page when it lies (e.g. advertises 2000, serves 1000). */
  servedPageSize?: number;
  supportsPagination: boolean;
  supportsOrderBy?: boolean;
  currentVersion: number;
  capabilities: string;
  features: SampleFeature[];
  /** Next object id to assign on adds. */
  nextObjectId: number;
  relationships?: SampleRelationship[];
  hasAttachments?: boolean;
  /** Time-aware layers: the `time` query parameter filters on these fields. */
  timeInfo?: { startTimeField: string; endTimeField?: string };
  attachments?: SampleAttachment[];
  /** Extra cost, in ms per 1,000 rows skipped, charged for resultOffset paging (emulates a database).
   * Charged by the server's route (as a delay before answering) when the server runs with `offsetCost: true`. */
  offsetCostMsPer1000?: number;
  /** Set for generated read-only layers (see {@link LazyFeatureSource}); `features` is then a lazy view. */
  lazy?: LazyFeatureSource;
  /** Next attachment id to assign on addAttachment. */
  nextAttachmentId?: number;
  /** Field holding coded-value subtypes/types (`typeIdField` in layer info). */
  typeIdField?: string;
  /** Copyright text shown in layer info. */
  copyrightText?: string;
  /** Epoch ms of the last edit (FeatureServer `editingInfo.lastEditDate`). */
  lastEditDate?: number;
}

export interface SampleService {
  /** Full name with folder, e.g. "SanFrancisco/311Incidents". */
  name: string;
  type: "MapServer" | "FeatureServer" | "ImageServer" | "GeocodeServer" | "GPServer";
  serviceDescription?: string;
  description?: string;
  layers: SampleLayer[];
  /** Whether requests need a token. */
  secured?: boolean;
  /** Admin state: a stopped service is absent from the directory. */
  started?: boolean;
  currentVersion: number;
  /** Also publish the same layers as a FeatureServer (MapServer services with feature access). */
  featureServer?: boolean;
}

export interface SampleDataset {
  folders: string[];
  /** Folders needing a token. */
  securedFolders: string[];
  services: SampleService[];
}
