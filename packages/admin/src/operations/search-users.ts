import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { AdminUser } from "../types.js";

/** Options of {@link searchUsers}. */
export interface SearchUsersOptions extends CallOptions {
  /** Text the user name or full name contains. */
  filter?: string;
  /** Most users to return (server default 10). */
  maxCount?: number;
}

/**
 * Searches the user store (`/admin/security/users/search`); no paging: at most `maxCount` users.
 *
 * @example
 * const { users } = await searchUsers(adminUrl, { filter: "user", maxCount: 100, session });
 */
export async function searchUsers(adminUrl: string, options: SearchUsersOptions = {}): Promise<{ users: AdminUser[]; hasMore: boolean }> {
  return adminRequest<{ users: AdminUser[]; hasMore: boolean }>(adminUrlOf(adminUrl, "security", "users", "search"), { filter: options.filter, maxCount: options.maxCount }, { ...options });
}
