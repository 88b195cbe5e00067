import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link addUsersToRole}. */
export interface AddUsersToRoleOptions extends CallOptions {
  /** The role. */
  rolename: string;
  /** User names. */
  users: string[];
}

/**
 * Adds users to a role (`/admin/security/roles/addUsersToRole`).
 *
 * @example
 * await addUsersToRole(adminUrl, { rolename: "editors", users: ["u1"], session });
 */
export async function addUsersToRole(adminUrl: string, options: AddUsersToRoleOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "roles", "addUsersToRole"), { rolename: options.rolename, users: options.users }, { ...options, write: true });
}
