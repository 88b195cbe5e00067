import type { Field, GeometryType, SpatialReference, EsriEnvelope } from "../types/esri-json.js";

/** Service types listed in a services directory. */
export type ServiceType =
  | "MapServer"
  | "FeatureServer"
  | "ImageServer"
  | "GeocodeServer"
  | "GPServer"
  | "GeometryServer"
  | "NAServer"
  | "GeoDataServer"
  | "GlobeServer"
  | "MobileServer"
  | "SceneServer"
  | "StreamServer"
  | "VectorTileServer"
  | (string & {});

/** A service entry of a services directory listing. */
export interface ServiceEntry {
  /** Full name including folder, e.g. `SanFrancisco/311Incidents`. */
  name: string;
  type: ServiceType;
  /** Present on some servers (ArcGIS Online). */
  url?: string;
}

/** The JSON of `/rest/services` or `/rest/services/<folder>`. */
export interface DirectoryInfo {
  currentVersion?: number;
  folders?: string[];
  services?: ServiceEntry[];
}

/** A layer or table entry in a service's `layers`/`tables` list. */
export interface LayerEntry {
  id: number;
  name: string;
  type?: string;
  geometryType?: GeometryType;
  parentLayerId?: number;
  subLayerIds?: number[] | null;
  defaultVisibility?: boolean;
  minScale?: number;
  maxScale?: number;
}

/** Service-level JSON of a MapServer, FeatureServer or similar. */
export interface ServiceInfo {
  currentVersion?: number;
  serviceDescription?: string;
  description?: string;
  mapName?: string;
  capabilities?: string;
  maxRecordCount?: number;
  spatialReference?: SpatialReference;
  initialExtent?: EsriEnvelope;
  fullExtent?: EsriEnvelope;
  layers?: LayerEntry[];
  tables?: LayerEntry[];
  supportedQueryFormats?: string;
  [key: string]: unknown;
}

/** Query capabilities advertised by layers of 10.3+ servers. */
export interface AdvancedQueryCapabilities {
  supportsPagination?: boolean;
  supportsQueryWithDistance?: boolean;
  supportsReturningQueryExtent?: boolean;
  supportsStatistics?: boolean;
  supportsOrderBy?: boolean;
  supportsDistinct?: boolean;
  supportsQueryAttachments?: boolean;
  supportsPaginationOnAggregatedQueries?: boolean;
  [key: string]: unknown;
}

/** A relationship advertised by a layer. */
export interface RelationshipInfo {
  id: number;
  name: string;
  relatedTableId: number;
  cardinality?: string;
  role?: string;
  keyField?: string;
  composite?: boolean;
}

/** Layer or table JSON (`.../MapServer/0?f=json`, `.../FeatureServer/0?f=json`). */
export interface LayerInfo {
  id: number;
  name: string;
  type?: "Feature Layer" | "Table" | "Group Layer" | "Raster Layer" | (string & {});
  currentVersion?: number;
  description?: string;
  geometryType?: GeometryType;
  hasZ?: boolean;
  hasM?: boolean;
  displayField?: string;
  objectIdField?: string;
  globalIdField?: string;
  fields?: Field[] | null;
  extent?: EsriEnvelope;
  sourceSpatialReference?: SpatialReference;
  maxRecordCount?: number;
  standardMaxRecordCount?: number;
  tileMaxRecordCount?: number;
  capabilities?: string;
  supportsStatistics?: boolean;
  supportsAdvancedQueries?: boolean;
  supportedQueryFormats?: string;
  advancedQueryCapabilities?: AdvancedQueryCapabilities;
  hasAttachments?: boolean;
  relationships?: RelationshipInfo[];
  timeInfo?: { startTimeField?: string; endTimeField?: string; timeExtent?: [number, number] };
  [key: string]: unknown;
}
