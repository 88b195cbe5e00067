import { request } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import type { ItemCallOptions } from "../item-call.js";
import { checkId, checkName } from "../validate.js";

/** The portal's answer to move. */
export interface MoveItemResult {
  success: boolean;
  itemId: string;
  owner: string;
  /** The folder id it is in now (`null`: root). */
  folder: string | null;
}

/**
 * `content/users/<owner>/items/<id>/move`: moves an item to a folder of its owner (`"/"`: the root folder).
 * @throws `ValidationError` for a bad item or folder id; {@link ItemNotFoundError} for an unknown item.
 *
 * @example
 * ```ts
 * await moveItem(restUrl, id, folderId, { owner: "jsmith", session });
 * ```
 */
export async function moveItem(restUrl: string, id: string, folderId: string, options: ItemCallOptions): Promise<MoveItemResult> {
  checkId(id);
  const owner = checkName(options?.owner, "owner");
  const folder = folderId === "/" ? "/" : checkId(folderId, "folderId");
  try {
    return await request<MoveItemResult>(`${restUrl}/content/users/${encodeURIComponent(owner)}/items/${id}/move`, {
      session: options.session,
      signal: options.signal,
      httpMethod: "POST",
      kind: "write",
      params: { folder },
    });
  } catch (error) {
    throw ItemNotFoundError.from(error, id);
  }
}
