import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link removeUsersFromRole}. */
export interface RemoveUsersFromRoleOptions extends CallOptions {
  /** The role. */
  rolename: string;
  /** User names. */
  users: string[];
}

/**
 * Removes users from a role (`/admin/security/roles/removeUsersFromRole`).
 *
 * @example
 * await removeUsersFromRole(adminUrl, { rolename: "editors", users: ["u1"], session });
 */
export async function removeUsersFromRole(adminUrl: string, options: RemoveUsersFromRoleOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "roles", "removeUsersFromRole"), { rolename: options.rolename, users: options.users }, { ...options, write: true });
}
