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
  attachments?: SampleAttachment[];
  /** Extra cost, in ms per 1,000 rows skipped, charged for resultOffset paging (emulates a database). */
  offsetCostMsPer1000?: number;
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
