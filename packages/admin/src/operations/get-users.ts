import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { AdminUser } from "../types.js";

/** Options of {@link getUsers}. */
export interface GetUsersOptions extends CallOptions {
  /** First index (default 0). */
  startIndex?: number;
  /** Page size (default 10). */
  pageSize?: number;
}

/**
 * Lists one page of the user store (`/admin/security/users/getUsers`).
 *
 * @example
 * const { users, hasMore } = await getUsers(adminUrl, { pageSize: 100, session });
 */
export async function getUsers(adminUrl: string, options: GetUsersOptions = {}): Promise<{ users: AdminUser[]; hasMore: boolean }> {
  return adminRequest<{ users: AdminUser[]; hasMore: boolean }>(adminUrlOf(adminUrl, "security", "users", "getUsers"), { startIndex: options.startIndex, pageSize: options.pageSize }, { ...options });
}
