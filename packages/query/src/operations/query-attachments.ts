import { ArcGISAuthError, ArcGISRequestError, type CallOptions, type ParamValue, type Progress } from "@arcrest/core";
import { Attachment } from "../attachments/attachment.js";
import { orderedWindow } from "../paging/ordered-window.js";
import { parseAttachmentGroups } from "../parse/attachment-infos.js";
import { fetchAttachments } from "./fetch-attachments.js";
import { layerUrl } from "./layer-url.js";
import { queryObjectIds } from "./query-object-ids.js";
import { sendRead } from "./send-read.js";

/** Options of {@link queryAttachments}. */
export interface QueryAttachmentsOptions extends CallOptions {
  /** Features whose attachments are wanted. */
  objectIds?: readonly number[];
  /** Or: features matching this where clause. */
  definitionExpression?: string;
  /** Filter on the attachments themselves (10.8+), e.g. `keywords = 'photo'`. */
  attachmentsDefinitionExpression?: string;
  /** Only these MIME types or families (`image/png`, `image/*`, `application/pdf`...). */
  attachmentTypes?: readonly string[];
  /** Only attachments with these keywords. */
  keywords?: readonly string[];
  /**
   * `auto` (default) uses the layer's `queryAttachments` (10.7+) and falls back
   * to one `<objectId>/attachments` request per feature when the server lacks it;
   * `per-feature` forces the fallback.
   */
  mode?: "auto" | "query" | "per-feature";
  /** Requests in flight at once in per-feature mode (default 4). */
  concurrency?: number;
  /** Extra REST parameters. */
  params?: Record<string, ParamValue>;
  /** Progress of the per-feature fallback: features looked at, out of all. */
  onProgress?: (progress: Progress) => void;
}

/** The attachments of one feature. */
export interface FeatureAttachments {
  parentObjectId: number;
  parentGlobalId?: string;
  attachments: Attachment[];
}

function matchesType(contentType: string, wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  const type = contentType.toLowerCase();
  return wanted.some((w) => {
    const want = w.toLowerCase();
    return want.endsWith("/*") ? type.startsWith(want.slice(0, -1)) : type === want || type.startsWith(`${want}/`);
  });
}

function matchesKeywords(keywords: string | undefined, wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  const have = (keywords ?? "").toLowerCase().split(/[,;\s]+/);
  return wanted.some((w) => have.includes(w.toLowerCase()));
}

/** True when an error means "this server has no queryAttachments". */
function isUnsupported(error: unknown): boolean {
  return (
    error instanceof ArcGISRequestError &&
    !(error instanceof ArcGISAuthError) &&
    (error.code === 400 || error.code === 404 || error.httpStatus === 404)
  );
}

/**
 * Attachments of many features in one call (`queryAttachments`, 10.7+), with a
 * per-feature fallback for older servers. Features without attachments are left out.
 *
 * @param url - the layer URL
 */
export async function queryAttachments(url: string, options: QueryAttachmentsOptions = {}): Promise<FeatureAttachments[]> {
  const base = layerUrl(url);
  const mode = options.mode ?? "auto";
  if (mode !== "per-feature") {
    // Unset options stay undefined, which the request leaves out.
    const params: Record<string, ParamValue> = {
      f: "json",
      returnUrl: true,
      objectIds: options.objectIds?.join(","),
      definitionExpression: options.definitionExpression ?? (options.objectIds ? undefined : "1=1"),
      attachmentsDefinitionExpression: options.attachmentsDefinitionExpression || undefined,
      attachmentTypes: options.attachmentTypes?.join(","),
      keywords: options.keywords?.join(","),
      ...options.params,
    };
    try {
      const target = `${base}/queryAttachments`;
      const json = await sendRead<unknown>(target, params, options);
      return parseAttachmentGroups(json, target)
        .map((g) => ({
          parentObjectId: g.parentObjectId,
          ...(g.parentGlobalId !== undefined ? { parentGlobalId: g.parentGlobalId } : {}),
          attachments: g.attachmentInfos.map((info) => new Attachment(base, g.parentObjectId, info, options.session)),
        }))
        .filter((g) => g.attachments.length > 0);
    } catch (error) {
      if (mode === "query" || !isUnsupported(error)) throw error;
    }
  }
  const ids =
    options.objectIds ??
    (await queryObjectIds(base, { where: options.definitionExpression ?? "1=1", ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) })).objectIds;
  const call = { ...(options.session ? { session: options.session } : {}) };
  function* tasks() {
    for (const id of ids) {
      yield (signal: AbortSignal) => fetchAttachments(base, id, { ...call, signal }).then((list) => ({ id, list }));
    }
  }
  const out: FeatureAttachments[] = [];
  let done = 0;
  options.onProgress?.({ done, total: ids.length });
  for await (const { id, list } of orderedWindow(tasks(), options.concurrency ?? 4, options.signal)) {
    options.onProgress?.({ done: ++done, total: ids.length });
    const kept = list.filter((a) => matchesType(a.contentType, options.attachmentTypes) && matchesKeywords(a.keywords, options.keywords));
    if (kept.length > 0) out.push({ parentObjectId: id, attachments: kept });
  }
  return out;
}
