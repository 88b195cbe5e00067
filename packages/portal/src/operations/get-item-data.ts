import { request, type CallOptions } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import { checkId } from "../validate.js";

/**
 * `content/items/<id>/data`: the item's data — the parsed JSON of JSON items (web maps, apps),
 * the text of text files (CSV, ...) and of non-JSON `text` data, a `Blob` for other files, `undefined` when the item has none.
 * @throws `ValidationError` for a bad id; {@link ItemNotFoundError} for an unknown item.
 *
 * @example
 * ```ts
 * const webmap = await getItemData(restUrl, id, { session }) as { operationalLayers: unknown[] };
 * ```
 */
export async function getItemData(restUrl: string, id: string, options: CallOptions = {}): Promise<unknown> {
  checkId(id);
  let response: Response;
  try {
    response = await request(`${restUrl}/content/items/${id}/data`, { session: options.session, signal: options.signal, rawResponse: true, params: { f: null } });
  } catch (error) {
    throw ItemNotFoundError.from(error, id);
  }
  const type = (response.headers.get("content-type") ?? "").toLowerCase();
  if (type.includes("json")) {
    const text = await response.text();
    if (text.trim() === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Text saved as an item's `text` is served as JSON even when it is not.
      return text;
    }
  }
  if (type.startsWith("text/")) {
    const text = await response.text();
    return text === "" ? undefined : text;
  }
  const blob = await response.blob();
  return blob.size === 0 ? undefined : blob;
}
