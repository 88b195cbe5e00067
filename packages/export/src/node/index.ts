/**
 * `@arcrest/export/node`: write layers, feature sets and geocode results to
 * files (format from the extension), atomically: temporary names renamed at the
 * end, nothing left behind on failure or abort.
 *
 * @packageDocumentation
 */
export { writeFeaturesToFile, type ExportFileOptions, type ExportResult } from "./export-features.js";
export { exportFeatureSet, type ExportableFeatureSet } from "./export-feature-set.js";
export { exportGeocodeResults, type GeocodeCandidateLike, type GeocodeResultLike, type ExportGeocodeOptions } from "./export-geocode-results.js";
export { formatFromPath, type ExportFormat } from "./formats.js";
export { fullPrjResolver } from "./full-prj.js";
export { exportLayer, type ExportLayerOptions, type ExportableLayer, type ExportQueryOptions } from "./export-layer.js";
export type { WorkersOption } from "./workers/worker-count.js";
export { clip, type ClipOptions } from "./clip.js";
export {
  exportReplica,
  type ExportReplicaOptions,
  type ExportedReplicaLayer,
  type ReplicaData,
  type ReplicaAttachmentData,
} from "./export-replica.js";
