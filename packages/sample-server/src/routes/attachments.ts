import { findLayer } from "../data/lookup.js";
import type { SampleAttachment, SampleLayer } from "../data/types.js";
import { bytesReply, errorReply, jsonReply } from "../http/reply.js";
import { invalidLayerReply } from "./layer-errors.js";
import { featureByObjectId } from "./layer.js";
import type { ServiceRoute } from "./service-context.js";

/**
 * `<service>/<id>/<objectId>/attachments` (the feature's attachment infos) and
 * `<service>/<id>/<objectId>/attachments/<attachmentId>` (the bytes).
 */
export const attachmentRoute: ServiceRoute = ({ ctx, service, serviceType, rest }) => {
  if (rest.length < 3 || rest.length > 4 || rest[2].toLowerCase() !== "attachments") return undefined;
  if (!/^\d+$/.test(rest[0]) || !/^\d+$/.test(rest[1])) return undefined;
  if (serviceType !== "MapServer" && serviceType !== "FeatureServer") return undefined;
  const layer = findLayer(service, rest[0]);
  if (!layer) return invalidLayerReply(rest[0], ctx.params);
  if (!layer.hasAttachments) return errorReply(400, "Layer does not support attachments.", [], ctx.params);
  const objectId = Number(rest[1]);
  const feature = featureByObjectId(layer, objectId);
  if (!feature) return errorReply(404, "Requested feature not found", [], ctx.params);
  const attachments = (layer.attachments ?? []).filter((a) => a.parentObjectId === objectId);
  if (rest.length === 3) {
    return jsonReply({ attachmentInfos: attachments.map((a) => attachmentInfoJson(layer, a, feature.attributes)) }, ctx.params);
  }
  if (!/^\d+$/.test(rest[3])) return undefined;
  const attachment = attachments.find((a) => a.id === Number(rest[3]));
  if (!attachment) return errorReply(404, "Attachment not found", [], ctx.params);
  return bytesReply(attachment.data, attachment.contentType, {
    "content-disposition": contentDisposition(attachment.name),
  });
};

/** `inline` with the name as plain ASCII and, when it is not, RFC 5987 UTF-8 (a raw header cannot carry it). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_");
  const plain = `inline;filename=${JSON.stringify(ascii)}`;
  return ascii === name ? plain : `${plain};filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** An attachment as `attachmentInfos` lists it. */
export function attachmentInfoJson(
  layer: SampleLayer,
  attachment: SampleAttachment,
  parentAttributes: Record<string, unknown>,
): Record<string, unknown> {
  const parentGlobalId = layer.globalIdField ? parentAttributes[layer.globalIdField] : undefined;
  return {
    id: attachment.id,
    contentType: attachment.contentType,
    size: attachment.data.byteLength,
    name: attachment.name,
    globalId: attachment.globalId,
    ...(typeof parentGlobalId === "string" ? { parentGlobalId } : {}),
    keywords: attachment.keywords,
    exifInfo: null,
  };
}
