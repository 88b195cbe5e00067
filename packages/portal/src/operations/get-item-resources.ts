import { request } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import { pageThrough } from "../paging/page-through.js";
import type { ItemResource, ListOptions, SearchPage } from "../types.js";
import { checkId } from "../validate.js";

/**
 * `content/items/<id>/resources`: the files stored with an item, page by page.
 * @throws `ValidationError` for a bad id (before any request); {@link ItemNotFoundError} for an unknown item.
 *
 * @example
 * ```ts
 * for await (const r of getItemResources(restUrl, id, { session })) console.log(r.resource, r.size);
 * ```
 */
export function getItemResources(restUrl: string, id: string, options: ListOptions = {}): AsyncGenerator<ItemResource> {
  checkId(id);
  const url = `${restUrl}/content/items/${id}/resources`;
  return pageThrough(
    async (start, num) => {
      try {
        const page = await request<SearchPage<ItemResource> & { resources?: ItemResource[] }>(url, {
          session: options.session,
          signal: options.signal,
          params: { start, num },
        });
        return { ...page, results: page.resources ?? [] };
      } catch (error) {
        throw ItemNotFoundError.from(error, id);
      }
    },
    { ...options, url },
  );
}
