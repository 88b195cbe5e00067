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

// Features: add, update, delete, applyEdits (chunked, one result per input, never sent twice).
export type {
  EsriFeatureInput,
  FeatureInput,
  FeaturesInput,
  EditKind,
  EditStatus,
  EditErrorInfo,
  EditResult,
  ChunkReport,
  EditSummary,
  EditOptions,
  LayerEditsInput,
  ServiceLayerEditsInput,
} from "./edits/types.js";
export { applyEdits } from "./edits/apply-edits.js";
export { addFeatures } from "./edits/add-features.js";
export { updateFeatures } from "./edits/update-features.js";
export { deleteFeatures, type DeleteSelection } from "./edits/delete-features.js";
export { applyServiceEdits } from "./edits/apply-service-edits.js";
export type { EditableLayer } from "./edits/edit-target.js";
export { EditsAbortedError } from "./edits/edits-aborted-error.js";
export { newGlobalId } from "./edits/global-id.js";
export { calculate, type CalcExpression, type CalculateOptions, type CalculateResult } from "./edits/calculate.js";

// Attachments and service uploads.
export { addAttachment, updateAttachment, deleteAttachments, type AttachmentEditOptions, type AttachmentEditResult } from "./attachments/attachment-edits.js";
export type { AttachmentSource, AttachmentBytes, NamedFile } from "./attachments/attachment-source.js";
export { uploadFile, deleteUpload, listUploads, type UploadItem, type UploadOptions } from "./uploads/service-uploads.js";

// Cursors.
export { InsertCursor } from "./cursors/insert-cursor.js";
export { UpdateCursor, type UpdateCursorOptions } from "./cursors/update-cursor.js";

// Replicas.
export type {
  ReplicaAttachment,
  ReplicaLayer,
  Replica,
  ReplicaJobStatus,
  LayerQuery,
  CreateReplicaOptions,
} from "./replicas/replica-types.js";
export { createReplica, ReplicaJobError } from "./replicas/create-replica.js";
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
