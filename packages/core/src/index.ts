/**
 * `@arcrest/core`: the request pipeline, errors, authentication, geometry and
 * catalog handles every other `@arcrest/*` package builds on.
 *
 * This file is the table of contents: the public names are listed here one by one; what is
 * not listed is internal. Helpers other `@arcrest/*` packages share live in `@arcrest/core/internal`.
 *
 * @packageDocumentation
 */
// Named re-exports (no star re-export in an entry). Bundlers drop what an app does not import;
// per-operation sizes are in docs/bundle-size.md.

// Esri JSON
export type {
  SpatialReference,
  GeometryType,
  Position,
  EsriPoint,
  EsriMultipoint,
  EsriPolyline,
  EsriPolygon,
  EsriEnvelope,
  EsriGeometry,
  PositionLike,
  EsriMultipointLike,
  EsriPolylineLike,
  EsriPolygonLike,
  EsriGeometryLike,
  EsriCurveGeometry,
  FeatureGeometryLike,
  AttributeValue,
  EsriFeature,
  FieldType,
  CodedValue,
  Domain,
  Field,
  FeatureSet,
} from "./types/esri-json.js";

// The request pipeline
export { request } from "./request/index.js";
export type { HttpMethod, RequestKind, ParamValue, Progress, CallOptions, RequestOptions } from "./request/types.js";
export type { RetryPolicy } from "./request/retry-policy.js";

// Errors
export {
  ArcGISRequestError,
  ArcGISAuthError,
  ArcGISTimeoutError,
  ArcGISNetworkError,
  ValidationError,
  type ArcGISRequestErrorInit,
} from "./errors/index.js";

// Authentication
export {
  Token,
  PasswordTokenProvider,
  generateToken,
  Session,
  getDefaultSession,
  setDefaultSession,
  type TokenInit,
  type TokenProvider,
  type TokenProviderOptions,
  type PasswordTokenProviderOptions,
  type GenerateTokenOptions,
  type TokenClient,
  type SessionOptions,
  type Credentials,
  type ServerAuth,
  type TokenPlacement,
} from "./auth/index.js";

// Geometry
export {
  Geometry,
  Envelope,
  GeometryError,
  esriToGeoJSON,
  geoJSONToEsri,
  esriFeatureToGeoJSON,
  featureSetToGeoJSON,
  geoJSONFeatureToEsri,
  geoJSONToFeatureSet,
  spatialReferenceFromCrs,
  esriGeometryTypeOf,
  isEsriGeometry,
  isEsriPoint,
  isEsriMultipoint,
  isEsriPolyline,
  isEsriPolygon,
  isEsriEnvelope,
  type GeometryInput,
  type GeometryOptions,
  type EsriFeatureLike,
  type EsriFeatureSetLike,
  type GeometryQueryParams,
  type EsriToGeoJSONOptions,
  type GeoJSONToEsriOptions,
  type FeatureToGeoJSONOptions,
  type GeoJSONFeatureToEsriOptions,
  type GeoJSONPosition,
  type GeoJSONBBox,
  type GeoJSONNamedCrs,
  type GeoJSONPoint,
  type GeoJSONMultiPoint,
  type GeoJSONLineString,
  type GeoJSONMultiLineString,
  type GeoJSONPolygon,
  type GeoJSONMultiPolygon,
  type GeoJSONGeometryCollection,
  type GeoJSONGeometry,
  type GeoJSONProperties,
  type GeoJSONFeature,
  type GeoJSONFeatureCollection,
} from "./geometry/index.js";

// Catalog handles and their REST operations
export {
  ArcServer,
  Service,
  LayerMetadata,
  fetchServerInfo,
  fetchDirectory,
  fetchServiceInfo,
  fetchLayerInfo,
  sessionFor,
  type WalkEntry,
  type CatalogWarning,
  type WalkOptions,
  type ConnectOptions,
  type ServerInfo,
  type ServiceUrlParts,
  type ServiceType,
  type ServiceEntry,
  type DirectoryInfo,
  type LayerEntry,
  type ServiceInfo,
  type AdvancedQueryCapabilities,
  type RelationshipInfo,
  type LayerInfo,
} from "./catalog/index.js";

// Dates as ArcGIS sends them (epoch milliseconds)
export { toEpochMs, fromEpochMs } from "./dates.js";
