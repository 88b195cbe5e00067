/** The layer `queryAttachments` operation (ArcGIS 10.7+). */
import type { SampleAttachment, SampleField, SampleLayer } from "../data/types.js";
import { QueryError } from "./errors.js";
import { FieldIndex, fieldIndexOf } from "./fields.js";
import { fieldJson } from "./output/fields-json.js";
import { guard, type QueryOutcome } from "./outcome.js";
import { QueryParams } from "./params.js";
import { responseFormat } from "./response-format.js";
import { addObjectIds, addWhere, emptyFilter } from "./row-filter.js";
import { collectAll, select } from "./selection.js";
import { compileWhere } from "./where/index.js";

/** Options of {@link executeAttachmentQuery}. */
export interface AttachmentQueryOptions {
  /** Absolute URL of the layer, to build attachment URLs when `returnUrl=true`. */
  layerUrl?: string;
}

const ATTACHMENT_FIELDS: SampleField[] = [
  { name: "ATTACHMENTID", type: "esriFieldTypeOID", alias: "ATTACHMENTID" },
  { name: "REL_OBJECTID", type: "esriFieldTypeInteger", alias: "REL_OBJECTID" },
  { name: "GLOBALID", type: "esriFieldTypeGlobalID", alias: "GLOBALID" },
  { name: "ATT_NAME", type: "esriFieldTypeString", alias: "ATT_NAME" },
  { name: "CONTENT_TYPE", type: "esriFieldTypeString", alias: "CONTENT_TYPE" },
  { name: "DATA_SIZE", type: "esriFieldTypeInteger", alias: "DATA_SIZE" },
  { name: "KEYWORDS", type: "esriFieldTypeString", alias: "KEYWORDS" },
];
const attachmentFieldIndex = new FieldIndex(ATTACHMENT_FIELDS);

function attachmentRow(a: SampleAttachment): Record<string, string | number> {
  return {
    ATTACHMENTID: a.id,
    REL_OBJECTID: a.parentObjectId,
    GLOBALID: a.globalId,
    ATT_NAME: a.name,
    CONTENT_TYPE: a.contentType,
    DATA_SIZE: a.data.byteLength,
    KEYWORDS: a.keywords,
  };
}

/** Whether a content type matches one of the requested types ("image/png", or a major type like "image" / "image/*"). */
function typeMatches(contentType: string, wanted: string[]): boolean {
  const type = contentType.toLowerCase();
  return wanted.some((w) => {
    const want = w.toLowerCase().replace(/\/\*$/, "");
    return want.includes("/") ? type === want : type.split("/")[0] === want;
  });
}

/** Runs queryAttachments; errors come back as ArcGIS error bodies. */
export function executeAttachmentQuery(layer: SampleLayer, rawParams: Record<string, string>, options: AttachmentQueryOptions = {}): QueryOutcome {
  return guard(() => {
    const params = new QueryParams(rawParams);
    responseFormat(params, false);
    if (!layer.hasAttachments) {
      throw new QueryError([`Layer ${layer.id} does not have attachments.`], { message: "Requested operation is not supported by this service." });
    }
    let filter = addWhere(emptyFilter(), layer, params.text("definitionExpression"));
    filter = addObjectIds(filter, params.ids("objectIds"));
    const globalIds = params.list("globalIds")?.map((g) => g.toUpperCase().replace(/[{}]/g, ""));
    const parents = collectAll(select(layer, filter, []));
    const globalIdField = layer.globalIdField ? (fieldIndexOf(layer).find(layer.globalIdField)?.name ?? layer.globalIdField) : undefined;

    const types = params.list("attachmentTypes");
    const keywords = params.list("keywords")?.map((k) => k.toLowerCase());
    const sizeRange = params.list("size")?.map(Number);
    if (sizeRange && (sizeRange.length !== 2 || sizeRange.some((n) => !Number.isFinite(n)))) {
      throw new QueryError(["Invalid or missing input parameters.", "'size' must be 'min,max' in bytes"]);
    }
    const attachmentWhere = params.text("attachmentsDefinitionExpression");
    const attachmentPredicate = attachmentWhere ? compileWhere(attachmentWhere, attachmentFieldIndex, "ATTACHMENTID") : null;
    const returnUrl = params.bool("returnUrl", false);

    const byParent = new Map<number, SampleAttachment[]>();
    for (const attachment of layer.attachments ?? []) {
      if (types && !typeMatches(attachment.contentType, types)) continue;
      if (keywords) {
        const own = attachment.keywords.toLowerCase().split(",").map((k) => k.trim());
        if (!keywords.some((k) => own.includes(k))) continue;
      }
      if (sizeRange && (attachment.data.byteLength < sizeRange[0] || attachment.data.byteLength > sizeRange[1])) continue;
      if (attachmentPredicate) {
        if (attachmentPredicate.selectsNothing) continue;
        if (attachmentPredicate.predicate && attachmentPredicate.predicate(attachmentRow(attachment)) !== true) continue;
      }
      let list = byParent.get(attachment.parentObjectId);
      if (!list) byParent.set(attachment.parentObjectId, (list = []));
      list.push(attachment);
    }

    const base = options.layerUrl?.replace(/\/+$/, "");
    const groups = [];
    for (const parent of parents) {
      const oid = parent.attributes[layer.objectIdField] as number;
      const parentGlobalId = globalIdField ? (parent.attributes[globalIdField] ?? null) : null;
      if (globalIds && !(typeof parentGlobalId === "string" && globalIds.includes(parentGlobalId.toUpperCase().replace(/[{}]/g, "")))) continue;
      const attachments = byParent.get(oid);
      if (!attachments?.length) continue;
      groups.push({
        parentObjectId: oid,
        parentGlobalId,
        attachmentInfos: [...attachments]
          .sort((a, b) => a.id - b.id)
          .map((a) => {
            const info: Record<string, unknown> = {
              id: a.id,
              globalId: a.globalId,
              name: a.name,
              contentType: a.contentType,
              size: a.data.byteLength,
              keywords: a.keywords,
              exifInfo: null,
            };
            if (returnUrl) info.url = `${base ? `${base}/` : ""}${oid}/attachments/${a.id}`;
            return info;
          }),
      });
    }
    const oidField = fieldIndexOf(layer).find(layer.objectIdField);
    const globalField = globalIdField ? fieldIndexOf(layer).find(globalIdField) : undefined;
    const fields = [oidField, globalField].filter((f): f is SampleField => f !== undefined).map(fieldJson);
    return { status: 200, body: { fields, attachmentGroups: groups } };
  });
}
