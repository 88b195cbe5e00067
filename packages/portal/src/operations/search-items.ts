import { request } from "@arcrest/core";
import { pageThrough } from "../paging/page-through.js";
import type { PortalItemInfo, SearchOptions, SearchPage } from "../types.js";

/**
 * `search`: every item matching `q` that the session's user may see, page by page
 * (`start`/`num`/`nextStart`). `onProgress` gets the portal's `total`; breaking out of the loop
 * sends no further request.
 * @throws `ValidationError` for a `pageSize` outside 1..100 (when iteration starts).
 *
 * @example
 * ```ts
 * for await (const item of searchItems(restUrl, { q: 'owner:jsmith type:"Feature Service"', session })) {
 *   console.log(item.id, item.title, item.url);
 * }
 * ```
 */
export function searchItems(restUrl: string, options: SearchOptions = {}): AsyncGenerator<PortalItemInfo> {
  const url = `${restUrl}/search`;
  return pageThrough(
    (start, num) =>
      request<SearchPage<PortalItemInfo>>(url, {
        session: options.session,
        signal: options.signal,
        params: { q: options.q ?? "*", sortField: options.sortField, sortOrder: options.sortOrder, start, num },
      }),
    { ...options, url },
  );
}
