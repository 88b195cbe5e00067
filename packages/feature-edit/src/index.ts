/**
 * `@arcrest/feature-edit`: write ArcGIS feature layers safely — chunked adds, updates and
 * deletes with one typed result per input feature and no blind retries, attachments (with
 * service uploads for big files), `calculate`, insert/update cursors and replicas.
 * Browser-safe; file helpers are in `@arcrest/feature-edit/node`.
 *
 * @packageDocumentation
 */
export { FeatureService } from "./feature-service.js";
export { FeatureLayer } from "./feature-layer.js";

export type * from "./edits/types.js";
export { applyEdits, addFeatures, updateFeatures, deleteFeatures, applyServiceEdits, type DeleteSelection, type EditableLayer } from "./edits/apply-edits.js";
export { EditsAbortedError } from "./edits/edits-aborted-error.js";
export { parseEditResult, parseLayerEditResults, parseServiceEditResults, type ServerEditResult, type ServerLayerResults, type ServerServiceLayerResults } from "./edits/parse-results.js";
export { newGlobalId, canonicalGlobalId } from "./edits/global-id.js";
export { toWireFeature, type WireFeature } from "./edits/normalize-input.js";
export { editLayerOf, type EditLayer } from "./edits/edit-target.js";

export { addAttachment, updateAttachment, deleteAttachments, parseAttachmentEditResults, supportsUploads, UPLOAD_THRESHOLD, type AttachmentEditOptions, type AttachmentEditResult } from "./attachments/attachment-edits.js";
export { toNamedFile, type AttachmentSource, type AttachmentBytes, type NamedFile } from "./attachments/attachment-source.js";
export { uploadFile, deleteUpload, listUploads, DEFAULT_PART_SIZE, type UploadItem, type UploadOptions } from "./uploads/service-uploads.js";
export { calculate, calcExpressions, type CalcExpression, type CalculateOptions, type CalculateResult } from "./edits/calculate.js";
export { InsertCursor } from "./cursors/insert-cursor.js";
export { UpdateCursor, type UpdateCursorOptions } from "./cursors/update-cursor.js";
export type * from "./replicas/replica-types.js";
export { createReplica, createReplicaParams, ReplicaJobError } from "./replicas/create-replica.js";
export { parseReplica } from "./replicas/parse-replica.js";
export {
  listReplicas,
  replicaInfo,
  synchronizeReplica,
  unRegisterReplica,
  type ReplicaEntry,
  type ReplicaInfo,
  type ReplicaLayerEdits,
  type ReplicaLayerChanges,
  type SynchronizeReplicaOptions,
  type SynchronizeResult,
} from "./replicas/replica-operations.js";
