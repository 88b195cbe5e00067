/**
 * Adding, replacing and deleting a feature's attachments. Files of 10 MB and more go through the
 * service's uploads (register, parts, commit) and the upload item is deleted afterwards, also
 * when attaching fails.
 */
import { ArcGISRequestError, fetchServiceInfo, request, ValidationError, type CallOptions, type LayerMetadata, type Progress } from "@arcrest/core";
import { parseEditResult, type ServerEditResult } from "../edits/parse-results.js";
import { classifyFailure } from "../edits/request-outcome.js";
import type { EditErrorInfo, EditStatus } from "../edits/types.js";
import { deleteUpload, uploadFile } from "../uploads/service-uploads.js";
import { toNamedFile, type AttachmentSource } from "./attachment-source.js";

/** Files of this size and more are sent through the service's uploads; 10 MB. */
export const UPLOAD_THRESHOLD = 10 * 1024 * 1024;

/** Options of {@link addAttachment} and {@link updateAttachment}. */
export interface AttachmentEditOptions extends CallOptions {
  /** Keywords stored with the attachment. */
  keywords?: string;
  /** Use the service's uploads: from `uploadThreshold` bytes on (`auto`, default), always, or never. */
  uploads?: "auto" | "always" | "never";
  /** Size from which `auto` uses uploads; default 10 MB. */
  uploadThreshold?: number;
  /** Bytes per upload part; default 5 MB. */
  partSize?: number;
  /** Upload progress (bytes). */
  onProgress?: (progress: Progress) => void;
}

/** The outcome of an attachment edit. */
export interface AttachmentEditResult {
  /** `applied`, `failed` (refused with an edit error), `not-applied` (request refused) or `unknown` (answer lost). */
  status: EditStatus;
  success: boolean;
  /** The attachment id (new or updated). */
  attachmentId: number | undefined;
  globalId: string | undefined;
  error: EditErrorInfo | undefined;
  /** The upload item used, when the file went through uploads, and whether it was deleted afterwards. */
  upload?: { itemID: string; deleted: boolean };
}

/** The service URL of a layer URL (`.../FeatureServer/0` → `.../FeatureServer`). */
export function serviceUrlOf(layerUrl: string): string {
  return layerUrl.replace(/\/+$/, "").replace(/\/\d+$/, "");
}

const uploadSupport = new WeakMap<LayerMetadata, Promise<boolean>>();

/** Whether the layer takes attachments by upload id: the layer says so, or its service has the Uploads capability. */
export function supportsUploads(layer: LayerMetadata, options: CallOptions = {}): Promise<boolean> {
  let known = uploadSupport.get(layer);
  if (!known) {
    known =
      layer.info.supportsAttachmentsByUploadId === true || layer.capabilities.has("uploads")
        ? Promise.resolve(true)
        : fetchServiceInfo(serviceUrlOf(layer.url), options).then(
            (info) => (info.capabilities ?? "").split(",").some((c) => c.trim().toLowerCase() === "uploads"),
            () => false,
          );
    uploadSupport.set(layer, known);
  }
  return known;
}

function fromServer(result: ServerEditResult): AttachmentEditResult {
  return {
    status: result.success ? "applied" : "failed",
    success: result.success,
    attachmentId: result.objectId,
    globalId: result.globalId,
    error: result.error,
  };
}

/**
 * Parses an attachment edit answer (`addAttachmentResult`, `updateAttachmentResult` or
 * `deleteAttachmentResults`) into typed results.
 */
export function parseAttachmentEditResults(body: unknown): AttachmentEditResult[] {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (record.addAttachmentResult !== undefined) return [fromServer(parseEditResult(record.addAttachmentResult))];
  if (record.updateAttachmentResult !== undefined) return [fromServer(parseEditResult(record.updateAttachmentResult))];
  if (Array.isArray(record.deleteAttachmentResults)) return record.deleteAttachmentResults.map((r) => fromServer(parseEditResult(r)));
  throw new ArcGISRequestError({ message: "Unexpected attachment edit answer: no addAttachmentResult, updateAttachmentResult or deleteAttachmentResults", response: body, url: "" });
}

function checkObjectId(objectId: number): void {
  if (!Number.isInteger(objectId) || objectId < 0) throw new ValidationError("objectId", `must be a non-negative integer, got ${String(objectId)}`);
}

async function attachmentRequest(
  layer: LayerMetadata,
  objectId: number,
  operation: "addAttachment" | "updateAttachment",
  source: AttachmentSource,
  extra: Record<string, string | number>,
  options: AttachmentEditOptions,
): Promise<AttachmentEditResult> {
  checkObjectId(objectId);
  const { file } = toNamedFile(source);
  const mode = options.uploads ?? "auto";
  const viaUploads = mode === "always" || (mode === "auto" && file.size >= (options.uploadThreshold ?? UPLOAD_THRESHOLD) && (await supportsUploads(layer, options)));
  const call = { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const url = `${layer.url}/${objectId}/${operation}`;
  const resultKey = operation === "addAttachment" ? "addAttachmentResult" : "updateAttachmentResult";
  const send = async (params: Record<string, string | number | Blob>): Promise<AttachmentEditResult> => {
    try {
      const body = await request<Record<string, unknown>>(url, { ...call, kind: "write", httpMethod: "POST", multipart: true, params: { ...extra, ...params } });
      return fromServer(parseEditResult(body[resultKey]));
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const outcome = classifyFailure(error);
      return {
        status: outcome.kind === "lost" ? "unknown" : "not-applied",
        success: false,
        attachmentId: undefined,
        globalId: undefined,
        error: outcome.error,
      };
    }
  };
  const keywords: Record<string, string> = options.keywords !== undefined ? { keywords: options.keywords } : {};
  if (!viaUploads) return send({ attachment: file, ...keywords });
  const serviceUrl = serviceUrlOf(layer.url);
  const item = await uploadFile(serviceUrl, file, { ...call, ...(options.partSize ? { partSize: options.partSize } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  let result: AttachmentEditResult | undefined;
  try {
    result = await send({ uploadId: item.itemID, ...keywords });
    return result;
  } finally {
    // The upload is removed whatever became of the attachment (the signal may be spent: delete without it).
    const deleted = await deleteUpload(serviceUrl, item.itemID, options.session ? { session: options.session } : {}).then(
      () => true,
      () => false,
    );
    if (result) result.upload = { itemID: item.itemID, deleted };
  }
}

/** Attaches a file to a feature (`addAttachment`); big files go through the service's uploads. */
export function addAttachment(layer: LayerMetadata, objectId: number, source: AttachmentSource, options: AttachmentEditOptions = {}): Promise<AttachmentEditResult> {
  return attachmentRequest(layer, objectId, "addAttachment", source, {}, options);
}

/** Replaces the file of an attachment (`updateAttachment`). */
export function updateAttachment(
  layer: LayerMetadata,
  objectId: number,
  attachmentId: number,
  source: AttachmentSource,
  options: AttachmentEditOptions = {},
): Promise<AttachmentEditResult> {
  if (!Number.isInteger(attachmentId)) throw new ValidationError("attachmentId", `must be an integer, got ${String(attachmentId)}`);
  return attachmentRequest(layer, objectId, "updateAttachment", source, { attachmentId }, options);
}

/** Deletes attachments of a feature (`deleteAttachments`); one result per attachment id. */
export async function deleteAttachments(layer: LayerMetadata, objectId: number, attachmentIds: readonly number[], options: CallOptions = {}): Promise<AttachmentEditResult[]> {
  checkObjectId(objectId);
  if (!Array.isArray(attachmentIds) || attachmentIds.length === 0 || attachmentIds.some((id) => !Number.isInteger(id))) {
    throw new ValidationError("attachmentIds", "must be a non-empty array of integer attachment ids");
  }
  const url = `${layer.url}/${objectId}/deleteAttachments`;
  try {
    const body = await request<Record<string, unknown>>(url, {
      ...(options.session ? { session: options.session } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      kind: "write",
      httpMethod: "POST",
      params: { attachmentIds: attachmentIds.join(",") },
    });
    const list = Array.isArray(body.deleteAttachmentResults) ? body.deleteAttachmentResults : [];
    return attachmentIds.map((id, i) => {
      const result = list[i] === undefined ? undefined : fromServer(parseEditResult(list[i]));
      return result ? { ...result, attachmentId: result.attachmentId ?? id } : { status: "unknown", success: false, attachmentId: id, globalId: undefined, error: { code: undefined, description: "The answer did not cover this attachment." } };
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const outcome = classifyFailure(error);
    return attachmentIds.map((id) => ({ status: outcome.kind === "lost" ? "unknown" : "not-applied", success: false, attachmentId: id, globalId: undefined, error: outcome.error }));
  }
}
