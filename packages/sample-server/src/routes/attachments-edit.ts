/**
 * `<layer>/<objectId>/addAttachment`, `updateAttachment` and `deleteAttachments` of FeatureServer
 * layers: a multipart `attachment` file or an `uploadId` of a committed service upload.
 */
import { findLayer } from "../data/lookup.js";
import type { SampleLayer } from "../data/types.js";
import {
  addAttachment,
  contentTypeFor,
  deleteAttachments,
  EditError,
  editStateOf,
  findUpload,
  layerAllows,
  notSupportedReply,
  postOnlyReply,
  updateAttachment,
  type AttachmentFile,
  type EditResultJson,
} from "../edits/index.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { QueryError } from "../query/errors.js";
import { QueryParams } from "../query/params.js";
import { invalidLayerReply } from "./layer-errors.js";
import { featureByObjectId } from "./layer.js";
import type { ServiceRequest, ServiceRoute } from "./service-context.js";

const OPERATIONS = new Set(["addattachment", "updateattachment", "deleteattachments"]);

/** The file of an add/update request: the multipart `attachment` part, or a committed upload. */
function requestFile(req: ServiceRequest, params: QueryParams): AttachmentFile | EditError {
  const keywords = params.text("keywords");
  const uploadId = params.text("uploadId");
  if (uploadId) {
    const item = findUpload(editStateOf(req.ctx.state.dataset), req.service.name, uploadId);
    if (!item?.committed || !item.data) return new EditError(1008, `Adding an attachment failed. Upload '${uploadId}' is not a committed upload item.`);
    return { name: item.itemName, contentType: contentTypeFor(item.itemName, undefined), data: item.data, keywords };
  }
  const file = req.ctx.files.find((f) => f.field.toLowerCase() === "attachment");
  if (!file) return new EditError(1008, "Adding an attachment failed. No 'attachment' file or 'uploadId' was sent.");
  return { name: file.filename, contentType: contentTypeFor(file.filename, file.contentType), data: file.data, keywords };
}

function failed(error: EditError, objectId: number | null = null): EditResultJson {
  return { objectId, success: false, error: error.toJson() };
}

function allowed(layer: SampleLayer, operation: string): boolean {
  if (operation === "addattachment") return layerAllows(layer, "Create") || layerAllows(layer, "Update");
  if (operation === "updateattachment") return layerAllows(layer, "Update");
  return layerAllows(layer, "Update") || layerAllows(layer, "Delete");
}

/** Attachment edits of FeatureServer layers. */
export const attachmentEditRoute: ServiceRoute = (req) => {
  const { ctx, service, serviceType, rest } = req;
  if (serviceType !== "FeatureServer" || rest.length !== 3 || !OPERATIONS.has(rest[2].toLowerCase())) return undefined;
  if (!/^\d+$/.test(rest[0]) || !/^\d+$/.test(rest[1])) return undefined;
  if (ctx.method !== "POST") return postOnlyReply(ctx.params);
  const layer = findLayer(service, rest[0]);
  if (!layer) return invalidLayerReply(rest[0], ctx.params);
  if (!layer.hasAttachments) return errorReply(400, "Layer does not support attachments.", [], ctx.params);
  const operation = rest[2].toLowerCase();
  if (!allowed(layer, operation)) return notSupportedReply(ctx.params);
  const objectId = Number(rest[1]);
  const params = new QueryParams(ctx.params);
  const missing = !featureByObjectId(layer, objectId);
  try {
    switch (operation) {
      case "addattachment": {
        if (missing) return jsonReply({ addAttachmentResult: failed(new EditError(1008, "Adding an attachment failed. Object is missing.")) }, ctx.params);
        const file = requestFile(req, params);
        if (file instanceof EditError) return jsonReply({ addAttachmentResult: failed(file) }, ctx.params);
        return jsonReply({ addAttachmentResult: addAttachment(layer, objectId, file) }, ctx.params);
      }
      case "updateattachment": {
        const attachmentId = params.int("attachmentId");
        if (attachmentId === undefined) return errorReply(400, "Unable to complete operation.", ["'attachmentId' is required."], ctx.params);
        if (missing) return jsonReply({ updateAttachmentResult: failed(new EditError(1009, "Updating an attachment failed. Object is missing."), attachmentId) }, ctx.params);
        const file = requestFile(req, params);
        if (file instanceof EditError) return jsonReply({ updateAttachmentResult: failed(new EditError(1009, file.description), attachmentId) }, ctx.params);
        return jsonReply({ updateAttachmentResult: updateAttachment(layer, objectId, attachmentId, file) }, ctx.params);
      }
      default: {
        const ids = params.ids("attachmentIds");
        if (!ids || ids.length === 0) return errorReply(400, "Unable to complete operation.", ["'attachmentIds' is required."], ctx.params);
        return jsonReply({ deleteAttachmentResults: deleteAttachments(layer, objectId, ids) }, ctx.params);
      }
    }
  } catch (error) {
    if (error instanceof QueryError) return jsonReply(error.toBody(), ctx.params);
    if (error instanceof EditError) {
      const key = operation === "addattachment" ? "addAttachmentResult" : "updateAttachmentResult";
      return jsonReply({ [key]: failed(error) }, ctx.params);
    }
    throw error;
  }
};
