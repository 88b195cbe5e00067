/**
 * Service uploads (`<service>/uploads`): big files are registered, sent in parts, committed,
 * then referenced by their item id (e.g. `addAttachment` with `uploadId`), and deleted after.
 */
import { ArcGISRequestError, request, type CallOptions, type Progress } from "@arcrest/core";

/** Size of one upload part; default 5 MB. */
export const DEFAULT_PART_SIZE = 5 * 1024 * 1024;

/** An upload item as the server describes it. */
export interface UploadItem {
  itemID: string;
  itemName: string;
  description?: string | null;
  date?: number;
  committed: boolean;
}

/** Options of {@link uploadFile}. */
export interface UploadOptions extends CallOptions {
  /** Bytes per part; default 5 MB. */
  partSize?: number;
  /** Description of the item. */
  description?: string;
  /** Called after every part with bytes sent. */
  onProgress?: (progress: Progress) => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function itemOf(body: unknown, url: string): UploadItem {
  const item = isRecord(body) ? body.item : undefined;
  if (!isRecord(item) || typeof item.itemID !== "string") {
    throw new ArcGISRequestError({ message: "The uploads answer has no item", response: body, url });
  }
  return {
    itemID: item.itemID,
    itemName: typeof item.itemName === "string" ? item.itemName : "",
    description: typeof item.description === "string" ? item.description : null,
    ...(typeof item.date === "number" ? { date: item.date } : {}),
    committed: item.committed === true,
  };
}

function call(options: CallOptions): CallOptions {
  return { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
}

/** Registers, uploads in parts and commits a file; returns the committed item. */
export async function uploadFile(serviceUrl: string, file: File, options: UploadOptions = {}): Promise<UploadItem> {
  const base = `${serviceUrl.replace(/\/+$/, "")}/uploads`;
  const registered = itemOf(
    await request(`${base}/register`, {
      ...call(options),
      kind: "write",
      httpMethod: "POST",
      params: { itemName: file.name, ...(options.description ? { description: options.description } : {}) },
    }),
    `${base}/register`,
  );
  try {
    const partSize = Math.max(1, Math.floor(options.partSize ?? DEFAULT_PART_SIZE));
    const parts: number[] = [];
    const count = Math.max(1, Math.ceil(file.size / partSize));
    for (let partId = 1; partId <= count; partId++) {
      const offset = (partId - 1) * partSize;
      const blob = new File([file.slice(offset, offset + partSize)], `${file.name}.${partId}`);
      // Uploading a part is idempotent (the same part id is replaced), so it may be retried like a read.
      await request(`${base}/${registered.itemID}/uploadPart`, { ...call(options), kind: "read", httpMethod: "POST", params: { partId, file: blob } });
      parts.push(partId);
      options.onProgress?.({ done: Math.min(file.size, offset + partSize), total: file.size, message: `part ${partId} of ${count}` });
    }
    return itemOf(
      await request(`${base}/${registered.itemID}/commit`, { ...call(options), kind: "write", httpMethod: "POST", params: { parts: parts.join(",") } }),
      `${base}/${registered.itemID}/commit`,
    );
  } catch (error) {
    await deleteUpload(serviceUrl, registered.itemID, options).catch(() => undefined);
    throw error;
  }
}

/** Deletes an upload item. */
export async function deleteUpload(serviceUrl: string, itemID: string, options: CallOptions = {}): Promise<void> {
  const url = `${serviceUrl.replace(/\/+$/, "")}/uploads/${encodeURIComponent(itemID)}/delete`;
  const body = await request(url, { ...call(options), kind: "write", httpMethod: "POST" });
  if (isRecord(body) && body.success === false) throw new ArcGISRequestError({ message: `Could not delete upload ${itemID}`, response: body, url });
}

/** The service's upload items. */
export async function listUploads(serviceUrl: string, options: CallOptions = {}): Promise<UploadItem[]> {
  const url = `${serviceUrl.replace(/\/+$/, "")}/uploads`;
  const body = await request(url, { ...call(options), kind: "read" });
  const items = isRecord(body) && Array.isArray(body.items) ? body.items : [];
  return items.map((item) => itemOf({ item }, url));
}
