import { isRecord, unexpectedResponse } from "./response-error.js";

/** An attachment as the REST API describes it (`attachmentInfos`). */
export interface AttachmentInfo {
  id: number;
  name: string;
  contentType: string;
  size: number;
  globalId?: string;
  parentGlobalId?: string;
  keywords?: string;
  /** Present on `queryAttachments` answers with `returnUrl=true`. */
  url?: string;
  exifInfo?: unknown;
}

/** One feature's attachments in a `queryAttachments` answer. */
export interface AttachmentGroup {
  parentObjectId: number;
  parentGlobalId?: string;
  attachmentInfos: AttachmentInfo[];
}

/** Checks one attachment info. */
export function parseAttachmentInfo(value: unknown, url: string): AttachmentInfo {
  if (!isRecord(value) || typeof value.id !== "number") throw unexpectedResponse(url, "attachment infos with an id", value);
  const info: AttachmentInfo = {
    id: value.id,
    name: typeof value.name === "string" ? value.name : String(value.id),
    contentType: typeof value.contentType === "string" ? value.contentType : "application/octet-stream",
    size: typeof value.size === "number" ? value.size : 0,
  };
  for (const key of ["globalId", "parentGlobalId", "keywords", "url"] as const) {
    if (typeof value[key] === "string") info[key] = value[key] as string;
  }
  if (value.exifInfo !== undefined && value.exifInfo !== null) info.exifInfo = value.exifInfo;
  return info;
}

/** Parses `<layer>/<oid>/attachments` (`{ attachmentInfos: [...] }`). */
export function parseAttachmentInfos(json: unknown, url: string): AttachmentInfo[] {
  if (!isRecord(json) || !Array.isArray(json.attachmentInfos)) throw unexpectedResponse(url, "{ attachmentInfos: [...] }", json);
  return json.attachmentInfos.map((a) => parseAttachmentInfo(a, url));
}

/** Parses `<layer>/queryAttachments` (`{ attachmentGroups: [...] }`). */
export function parseAttachmentGroups(json: unknown, url: string): AttachmentGroup[] {
  if (!isRecord(json) || !Array.isArray(json.attachmentGroups)) throw unexpectedResponse(url, "{ attachmentGroups: [...] }", json);
  return json.attachmentGroups.map((g) => {
    if (!isRecord(g) || typeof g.parentObjectId !== "number") throw unexpectedResponse(url, "attachment groups with a parentObjectId", g);
    const group: AttachmentGroup = {
      parentObjectId: g.parentObjectId,
      attachmentInfos: Array.isArray(g.attachmentInfos) ? g.attachmentInfos.map((a) => parseAttachmentInfo(a, url)) : [],
    };
    if (typeof g.parentGlobalId === "string") group.parentGlobalId = g.parentGlobalId;
    return group;
  });
}
