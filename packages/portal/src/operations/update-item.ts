import { request } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import type { ItemCallOptions } from "../item-call.js";
import { itemParams } from "../item-params.js";
import type { ItemUpdate } from "../types.js";
import { checkId, checkName } from "../validate.js";

/**
 * `content/users/<owner>/items/<id>/update`: changes an item's title, tags, snippet, description, url or data.
 * @throws `ValidationError` for a bad id or owner; {@link ItemNotFoundError} for an unknown item.
 *
 * @example
 * ```ts
 * await updateItem(restUrl, id, { snippet: "Updated" }, { owner: "jsmith", session });
 * ```
 */
export async function updateItem(restUrl: string, id: string, changes: ItemUpdate, options: ItemCallOptions): Promise<{ success: boolean; id: string }> {
  checkId(id);
  const owner = checkName(options?.owner, "owner");
  try {
    return await request<{ success: boolean; id: string }>(`${restUrl}/content/users/${encodeURIComponent(owner)}/items/${id}/update`, {
      session: options.session,
      signal: options.signal,
      httpMethod: "POST",
      kind: "write",
      params: itemParams(changes ?? {}),
    });
  } catch (error) {
    throw ItemNotFoundError.from(error, id);
  }
}
