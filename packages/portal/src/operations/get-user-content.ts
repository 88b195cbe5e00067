import { request, type CallOptions } from "@arcrest/core";
import type { PortalFolder, PortalItemInfo } from "../types.js";
import { checkId, checkName } from "../validate.js";

/** Options of {@link getUserContent}. */
export interface UserContentOptions extends CallOptions {
  /** A folder id (default: the root folder). */
  folderId?: string;
  /** 1-based index of the first item. Default 1. */
  start?: number;
  /** Items per page, up to 100. Default 10. */
  num?: number;
}

/** One page of a user's content and the user's folders. */
export interface UserContent {
  username: string;
  total: number;
  start: number;
  num: number;
  nextStart: number;
  currentFolder: PortalFolder | null;
  items: PortalItemInfo[];
  folders: PortalFolder[];
}

/**
 * `content/users/<username>[/<folderId>]`: one page of the items in a folder and the user's folders.
 * @throws `ValidationError` for a bad name or folder id.
 *
 * @example
 * ```ts
 * const { folders } = await getUserContent(restUrl, "jsmith", { session, num: 0 });
 * ```
 */
export async function getUserContent(restUrl: string, username: string, options: UserContentOptions = {}): Promise<UserContent> {
  const name = checkName(username, "username");
  const folder = options.folderId === undefined ? "" : `/${checkId(options.folderId, "folderId")}`;
  return request<UserContent>(`${restUrl}/content/users/${encodeURIComponent(name)}${folder}`, {
    session: options.session,
    signal: options.signal,
    params: { start: options.start, num: options.num },
  });
}
