import { ValidationError, request, type CallOptions } from "@arcrest/core";
import { itemParams } from "../item-params.js";
import type { NewItem } from "../types.js";
import { checkId, checkName } from "../validate.js";

/** Options of {@link addItem}. */
export interface AddItemOptions extends CallOptions {
  /** The user whose content gets the item (yourself, or anyone for an administrator). */
  owner: string;
  /** Folder id to add to (default: the owner's root folder). */
  folderId?: string;
}

/** The portal's answer to addItem. */
export interface AddItemResult {
  success: boolean;
  /** The new item's id. */
  id: string;
  /** The folder id it went to (`null`: root). */
  folder: string | null;
}

/**
 * `content/users/<owner>[/<folderId>]/addItem`: creates an item (private until shared).
 * @throws `ValidationError` for a missing title or type, a bad owner or folder id (before any request).
 *
 * @example
 * ```ts
 * const { id } = await addItem(restUrl, { title: "Gauges", type: "CSV", data: "id,name\n1,a\n" }, { owner: "jsmith", session });
 * ```
 */
export async function addItem(restUrl: string, item: NewItem, options: AddItemOptions): Promise<AddItemResult> {
  if (typeof item?.title !== "string" || item.title.trim() === "") throw new ValidationError("item.title", "must be a non-empty string");
  if (typeof item.type !== "string" || item.type.trim() === "") throw new ValidationError("item.type", "must be a non-empty string");
  const owner = checkName(options?.owner, "owner");
  const folder = options.folderId === undefined ? "" : `/${checkId(options.folderId, "folderId")}`;
  return request<AddItemResult>(`${restUrl}/content/users/${encodeURIComponent(owner)}${folder}/addItem`, {
    session: options.session,
    signal: options.signal,
    httpMethod: "POST",
    kind: "write",
    params: itemParams(item),
  });
}
