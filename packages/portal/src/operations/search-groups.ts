import { request } from "@arcrest/core";
import { pageThrough } from "../paging/page-through.js";
import type { PortalGroupInfo, SearchOptions, SearchPage } from "../types.js";

/**
 * `community/groups`: every group matching `q` that the session's user may see, page by page
 * (`start`/`num`/`nextStart`). `onProgress` gets the portal's `total`; breaking out of the loop
 * sends no further request.
 * @throws `ValidationError` for a `pageSize` outside 1..100 (when iteration starts).
 *
 * @example
 * ```ts
 * for await (const group of searchGroups(restUrl, { q: "tags:water", session })) {
 *   console.log(group.id, group.title);
 * }
 * ```
 */
export function searchGroups(restUrl: string, options: SearchOptions = {}): AsyncGenerator<PortalGroupInfo> {
  const url = `${restUrl}/community/groups`;
  return pageThrough(
    (start, num) =>
      request<SearchPage<PortalGroupInfo>>(url, {
        session: options.session,
        signal: options.signal,
        params: { q: options.q ?? "*", sortField: options.sortField, sortOrder: options.sortOrder, start, num },
      }),
    { ...options, url },
  );
}
