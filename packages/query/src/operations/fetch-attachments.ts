import { ValidationError, type CallOptions } from "@arcrest/core";
import { Attachment } from "../attachments/attachment.js";
import { parseAttachmentInfos } from "../parse/attachment-infos.js";
import { layerUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/**
 * The attachments of one feature (`<layer>/<objectId>/attachments`), each
 * downloadable. Works on every server version with attachments.
 *
 * @param url - the layer URL
 * @param objectId - the feature's object id
 */
export async function fetchAttachments(url: string, objectId: number, options: CallOptions = {}): Promise<Attachment[]> {
  if (!Number.isInteger(objectId)) throw new ValidationError("objectId", `must be an integer, got ${String(objectId)}`);
  const base = layerUrl(url);
  const target = `${base}/${objectId}/attachments`;
  const json = await sendRead<unknown>(target, { f: "json" }, options);
  return parseAttachmentInfos(json, target).map((info) => new Attachment(base, objectId, info, options.session));
}
