import { request, type CallOptions } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import type { PortalItemInfo } from "../types.js";
import { checkId } from "../validate.js";

/**
 * `content/items/<id>`: an item's description.
 * @throws `ValidationError` for an id that is not 32 hex characters (before any request);
 *   {@link ItemNotFoundError} when the portal has no such item or the user may not see it.
 *
 * @example
 * ```ts
 * const info = await getItem(restUrl, "e0381a3741bad9d6624d22ff96880e27", { session });
 * ```
 */
export async function getItem(restUrl: string, id: string, options: CallOptions = {}): Promise<PortalItemInfo> {
  checkId(id);
  try {
    return await request<PortalItemInfo>(`${restUrl}/content/items/${id}`, { session: options.session, signal: options.signal });
  } catch (error) {
    throw ItemNotFoundError.from(error, id);
  }
}
