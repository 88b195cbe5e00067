/** A service's upload items: register, upload parts, commit, delete (the "Uploads" capability). */
import { randomUUID } from "node:crypto";
import type { EditState, UploadItem } from "./edit-state.js";

/** Thrown for a bad upload request; becomes a 400 error body with these details. */
export class UploadError extends Error {
  override name = "UploadError";
}

/** The JSON of an upload item. */
export function uploadItemJson(item: UploadItem): Record<string, unknown> {
  return { itemID: item.itemID, itemName: item.itemName, description: item.description, date: item.date, committed: item.committed };
}

/** Registers a new item to be uploaded in parts. */
export function registerUpload(state: EditState, service: string, itemName: string | undefined, description: string | undefined): UploadItem {
  if (!itemName) throw new UploadError("'itemName' is required.");
  const item: UploadItem = {
    itemID: `i${randomUUID()}`,
    itemName,
    description: description ?? null,
    date: Date.now(),
    committed: false,
    service,
    parts: new Map(),
  };
  state.uploads.set(item.itemID, item);
  return item;
}

/** The item of a service with an id. */
export function findUpload(state: EditState, service: string, itemID: string): UploadItem | undefined {
  const item = state.uploads.get(itemID);
  return item && item.service === service ? item : undefined;
}

/** Stores one part of an item. */
export function uploadPart(item: UploadItem, partId: number, data: Uint8Array): void {
  if (item.committed) throw new UploadError(`Item '${item.itemID}' is already committed.`);
  if (!Number.isInteger(partId) || partId < 1) throw new UploadError("'partId' must be a positive integer.");
  item.parts.set(partId, data);
}

/** Joins the parts (in the order given, else ascending) into the item's file. */
export function commitUpload(item: UploadItem, order: number[] | undefined): void {
  if (item.committed) throw new UploadError(`Item '${item.itemID}' is already committed.`);
  const ids = order ?? [...item.parts.keys()].sort((a, b) => a - b);
  if (ids.length === 0) throw new UploadError(`Item '${item.itemID}' has no parts.`);
  const parts = ids.map((id) => {
    const part = item.parts.get(id);
    if (!part) throw new UploadError(`Part ${id} of item '${item.itemID}' was not uploaded.`);
    return part;
  });
  const size = parts.reduce((sum, p) => sum + p.byteLength, 0);
  const data = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.byteLength;
  }
  item.data = data;
  item.parts.clear();
  item.committed = true;
}

/** Removes an item. */
export function deleteUpload(state: EditState, item: UploadItem): void {
  state.uploads.delete(item.itemID);
}
