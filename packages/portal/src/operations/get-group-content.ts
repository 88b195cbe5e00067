import { request } from "@arcrest/core";
import { pageThrough } from "../paging/page-through.js";
import type { ListOptions, PortalItemInfo, SearchPage } from "../types.js";
import { checkId } from "../validate.js";

/**
 * `content/groups/<id>`: every item shared with a group that the user may see, page by page.
 * @throws `ValidationError` for a bad id (before any request).
 *
 * @example
 * ```ts
 * for await (const item of getGroupContent(restUrl, groupId, { session })) console.log(item.title);
 * ```
 */
export function getGroupContent(restUrl: string, id: string, options: ListOptions = {}): AsyncGenerator<PortalItemInfo> {
  checkId(id);
  const url = `${restUrl}/content/groups/${id}`;
  return pageThrough(
    async (start, num) => {
      const page = await request<SearchPage<PortalItemInfo> & { items?: PortalItemInfo[] }>(url, {
        session: options.session,
        signal: options.signal,
        params: { start, num, sortField: options.sortField, sortOrder: options.sortOrder },
      });
      return { ...page, results: page.items ?? [] };
    },
    { ...options, url },
  );
}
