/** Adding, replacing and deleting a feature's attachments, with edit results as feature services report them. */
import type { SampleAttachment, SampleLayer } from "../data/types.js";
import type { EditResultJson } from "./apply-edits.js";
import { EditCode, EditError } from "./edit-error.js";
import { newGlobalId } from "./global-id.js";

/** A file to store as an attachment. */
export interface AttachmentFile {
  name: string;
  contentType: string;
  data: Uint8Array;
  keywords?: string;
}

function attachmentsOf(layer: SampleLayer): SampleAttachment[] {
  layer.attachments ??= [];
  return layer.attachments;
}

function nextAttachmentId(layer: SampleLayer): number {
  if (layer.nextAttachmentId === undefined) {
    layer.nextAttachmentId = attachmentsOf(layer).reduce((max, a) => Math.max(max, a.id), 0) + 1;
  }
  const id = layer.nextAttachmentId;
  layer.nextAttachmentId += 1;
  return id;
}

/** Adds an attachment to a feature; the result's objectId is the new attachment id. */
export function addAttachment(layer: SampleLayer, parentObjectId: number, file: AttachmentFile, now = Date.now()): EditResultJson {
  if (file.data.byteLength === 0) {
    throw new EditError(EditCode.addAttachment, "Adding an attachment failed. The file is empty.");
  }
  const attachment: SampleAttachment = {
    id: nextAttachmentId(layer),
    parentObjectId,
    globalId: newGlobalId(),
    name: file.name,
    contentType: file.contentType,
    keywords: file.keywords ?? "",
    data: file.data,
  };
  attachmentsOf(layer).push(attachment);
  layer.lastEditDate = now;
  return { objectId: attachment.id, globalId: attachment.globalId, success: true };
}

/** Replaces the file of an attachment of a feature. */
export function updateAttachment(
  layer: SampleLayer,
  parentObjectId: number,
  attachmentId: number,
  file: AttachmentFile,
  now = Date.now(),
): EditResultJson {
  const attachment = attachmentsOf(layer).find((a) => a.id === attachmentId && a.parentObjectId === parentObjectId);
  if (!attachment) throw new EditError(EditCode.updateAttachment, `Updating an attachment failed. Attachment ${attachmentId} not found.`);
  if (file.data.byteLength === 0) throw new EditError(EditCode.updateAttachment, "Updating an attachment failed. The file is empty.");
  attachment.name = file.name;
  attachment.contentType = file.contentType;
  attachment.data = file.data;
  if (file.keywords !== undefined) attachment.keywords = file.keywords;
  layer.lastEditDate = now;
  return { objectId: attachment.id, globalId: attachment.globalId, success: true };
}

/** Deletes attachments of a feature; one result per requested id. */
export function deleteAttachments(layer: SampleLayer, parentObjectId: number, attachmentIds: number[], now = Date.now()): EditResultJson[] {
  const list = attachmentsOf(layer);
  const results = attachmentIds.map((id): EditResultJson => {
    const index = list.findIndex((a) => a.id === id && a.parentObjectId === parentObjectId);
    if (index < 0) {
      return { objectId: id, success: false, error: { code: EditCode.deleteAttachment, description: `Deleting an attachment failed. Attachment ${id} not found.` } };
    }
    const [removed] = list.splice(index, 1);
    return { objectId: id, globalId: removed.globalId, success: true };
  });
  if (results.some((r) => r.success)) layer.lastEditDate = now;
  return results;
}

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  tif: "image/tiff",
  tiff: "image/tiff",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  xml: "application/xml",
};

/** The content type for a file name when the client sent none (or a generic one). */
export function contentTypeFor(name: string, sent: string | undefined): string {
  if (sent && sent !== "application/octet-stream") return sent;
  const ext = name.split(".").pop()?.toLowerCase() ?? "";
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}
