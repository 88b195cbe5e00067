import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getUsersWithinRole}. */
export interface GetUsersWithinRoleOptions extends CallOptions {
  /** The role. */
  rolename: string;
  /** Text the user name contains. */
  filter?: string;
  /** Most users to return. */
  maxCount?: number;
}

/**
 * User names in a role (`/admin/security/roles/getUsersWithinRole`); no paging: at most `maxCount`.
 *
 * @example
 * const { users } = await getUsersWithinRole(adminUrl, { rolename: "editors", maxCount: 1000, session });
 */
export async function getUsersWithinRole(adminUrl: string, options: GetUsersWithinRoleOptions): Promise<{ users: string[] }> {
  return adminRequest<{ users: string[] }>(adminUrlOf(adminUrl, "security", "roles", "getUsersWithinRole"), { rolename: options.rolename, filter: options.filter, maxCount: options.maxCount }, { ...options });
}
