/**
 * `@arcrest/query`: read any ArcGIS layer or table completely, fast, in bounded
 * memory — query, count, ids, statistics, paging, streaming features, cursors,
 * related records, attachments and map export. Browser-safe; file helpers are in
 * `@arcrest/query/node`.
 *
 * @packageDocumentation
 */
export type * from "./types.js";
export { MapService } from "./map-service.js";
export { MapServiceLayer, type LayerQueryOptions, type LayerRelatedRecordsOptions, type SelectByLocationOptions } from "./map-service-layer.js";

// Plain functions, one per REST operation.
export { queryFeatures, type QueryFeaturesOptions } from "./operations/query-features.js";
export { queryCount, type QueryCountOptions } from "./operations/query-count.js";
export { queryObjectIds, type QueryObjectIdsOptions, type ObjectIdsResult } from "./operations/query-object-ids.js";
export {
  queryStatistics,
  statisticName,
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
export { getFeature, parseFeatureResponse, type GetFeatureOptions } from "./operations/get-feature.js";
export { exportMap, type ExportMapOptions, type ExportedMap } from "./operations/export-map.js";
export { queryService, type QueryServiceOptions, type ServiceQueryLayerResult, type LayerDefinition } from "./operations/query-service.js";

// Reading everything.
export { streamFeatures, streamPages, type StreamFeaturesOptions } from "./features/stream-features.js";
export { queryAll } from "./features/query-all.js";
export { searchCursor, type CursorOptions } from "./cursor/cursor.js";
export { Row, type CursorValue } from "./cursor/row.js";
export { centroidXY } from "./cursor/centroid.js";
export { Attachment } from "./attachments/attachment.js";
export { IncompleteResultError, type IncompleteResultErrorInit } from "./errors/incomplete-result-error.js";

// The paging engine, for callers building their own page sources.
export { readPages, DEFAULT_CONCURRENCY, type PagingSource, type ReadPagesOptions } from "./paging/read-pages.js";
export {
  planPaging,
  DENSE_FILL_RATIO,
  CHEAP_OFFSET_PAGES,
  type PagingPlan,
  type PagingCapabilities,
  type QueryFacts,
  type PlanRequest,
} from "./paging/planner.js";
export { pagingCapabilitiesOf } from "./paging/capabilities.js";
export { orderedWindow, type WindowTask } from "./paging/ordered-window.js";
export type { PageSlice, FetchedPage, SliceFetcher, PageTask } from "./paging/types.js";

// Parsers of raw answers, and value normalisation.
export { parseFeatureSet, type ParsedFeatureSet } from "./parse/feature-set.js";
export { parseGeoJSONPage, type ParsedGeoJSONPage } from "./parse/geojson-page.js";
export { parseObjectIds, type ParsedObjectIds } from "./parse/object-ids.js";
export { parseCount } from "./parse/count.js";
export { parseStatistics } from "./parse/statistics.js";
export { parseRelatedRecords, type ParsedRelatedRecords, type ParsedRelatedGroup } from "./parse/related-records.js";
export {
  parseAttachmentInfos,
  parseAttachmentGroups,
  type AttachmentInfo,
  type AttachmentGroup,
} from "./parse/attachment-infos.js";
export { createAttributeNormalizer, type AttributeNormalizer } from "./normalize/attribute-normalizer.js";
export { codedValueDecoder, codedValueTable, type CodedValueTable } from "./normalize/coded-values.js";
export { normalizeGuid } from "./normalize/guid.js";
export { andWhere, isTrivialWhere } from "./params/where.js";
export { sql, sqlLiteral, whereIn, type SqlValue } from "./params/sql.js";
