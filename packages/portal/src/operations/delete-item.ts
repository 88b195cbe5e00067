import { request } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import type { ItemCallOptions } from "../item-call.js";
import { checkId, checkName } from "../validate.js";

/**
 * `content/users/<owner>/items/<id>/delete`: deletes an item.
 * @throws `ValidationError` for a bad id or owner; {@link ItemNotFoundError} for an unknown item.
 *
 * @example
 * ```ts
 * await deleteItem(restUrl, id, { owner: "jsmith", session });
 * ```
 */
export async function deleteItem(restUrl: string, id: string, options: ItemCallOptions): Promise<{ success: boolean; itemId: string }> {
  checkId(id);
  const owner = checkName(options?.owner, "owner");
  try {
    return await request<{ success: boolean; itemId: string }>(`${restUrl}/content/users/${encodeURIComponent(owner)}/items/${id}/delete`, {
      session: options.session,
      signal: options.signal,
      httpMethod: "POST",
      kind: "write",
    });
  } catch (error) {
    throw ItemNotFoundError.from(error, id);
  }
}
