/**
 * `@arcrest/query`: read any ArcGIS layer or table completely, fast, in bounded
 * memory — query, count, ids, statistics, paging, streaming features, cursors,
 * related records, attachments and map export. Browser-safe; file helpers are in
 * `@arcrest/query/node`.
 *
 * Every name is listed here on purpose; what is not listed is internal.
 *
 * @packageDocumentation
 */
export type {
  FeatureValue,
  Attributes,
  Feature,
  GeoFeature,
  SpatialRelationship,
  DistanceUnit,
  TimeFilter,
  SpatialReferenceInput,
  QueryFilter,
  NormalizeOptions,
  QueryOptions,
  PagingOptions,
  PagingStrategyName,
  FeaturesOptions,
  SingleQueryOptions,
  FeatureSetInfo,
  QueryResult,
  GeoJSONQueryResult,
  GeoJSONGeometry,
} from "./types.js";
export { MapService } from "./map-service.js";
export { MapServiceLayer, type LayerQueryOptions, type LayerRelatedRecordsOptions, type SelectByLocationOptions } from "./map-service-layer.js";

// Plain functions, one per REST operation.
export { queryFeatures, type QueryFeaturesOptions } from "./operations/query-features.js";
export { queryCount, type QueryCountOptions } from "./operations/query-count.js";
export { queryObjectIds, type QueryObjectIdsOptions, type ObjectIdsResult } from "./operations/query-object-ids.js";
export {
  queryStatistics,
  type QueryStatisticsOptions,
  type StatisticDefinition,
  type StatisticType,
} from "./operations/query-statistics.js";
export { queryDistinctValues, type QueryDistinctValuesOptions } from "./operations/query-distinct-values.js";
export {
  queryRelatedRecords,
  queryRelatedRecordCount,
  type QueryRelatedRecordsOptions,
  type RelatedRecordGroup,
  type RelatedRecordsResult,
} from "./operations/query-related-records.js";
export { fetchAttachments } from "./operations/fetch-attachments.js";
export { queryAttachments, type QueryAttachmentsOptions, type FeatureAttachments } from "./operations/query-attachments.js";
export { getFeature, type GetFeatureOptions } from "./operations/get-feature.js";
export { exportMap, type ExportMapOptions, type ExportedMap } from "./operations/export-map.js";
export { queryService, type QueryServiceOptions, type ServiceQueryLayerResult, type LayerDefinition } from "./operations/query-service.js";

// Reading everything.
export { streamFeatures, streamPages, type StreamFeaturesOptions } from "./features/stream-features.js";
export { queryAll } from "./features/query-all.js";
export { searchCursor, type CursorOptions } from "./cursor/cursor.js";
export { Row, type CursorValue } from "./cursor/row.js";
export { Attachment } from "./attachments/attachment.js";
export type { AttachmentInfo } from "./parse/attachment-infos.js";
export { IncompleteResultError, type IncompleteResultErrorInit } from "./errors/incomplete-result-error.js";

// What the paging callbacks (`onPlan`, `onMetadata`) receive.
export type { PagingPlan, QueryFacts } from "./paging/planner.js";
export type { ParsedFeatureSet } from "./parse/feature-set.js";

// Writing values into where clauses.
export { sql, sqlLiteral, whereIn, type SqlValue } from "./params/sql.js";
