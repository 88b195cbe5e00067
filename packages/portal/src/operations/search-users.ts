import { request } from "@arcrest/core";
import { pageThrough } from "../paging/page-through.js";
import type { PortalUserInfo, SearchOptions, SearchPage } from "../types.js";

/**
 * `community/users`: every user matching `q` (e.g. `fullname:smith`), page by page
 * (`start`/`num`/`nextStart`). `onProgress` gets the portal's `total`; breaking out of the loop
 * sends no further request.
 * @throws `ValidationError` for a `pageSize` outside 1..100 (when iteration starts).
 *
 * @example
 * ```ts
 * for await (const user of searchUsers(restUrl, { q: "username:j*", session })) {
 *   console.log(user.username, user.fullName);
 * }
 * ```
 */
export function searchUsers(restUrl: string, options: SearchOptions = {}): AsyncGenerator<PortalUserInfo> {
  const url = `${restUrl}/community/users`;
  return pageThrough(
    (start, num) =>
      request<SearchPage<PortalUserInfo>>(url, {
        session: options.session,
        signal: options.signal,
        params: { q: options.q ?? "*", sortField: options.sortField, sortOrder: options.sortOrder, start, num },
      }),
    { ...options, url },
  );
}
