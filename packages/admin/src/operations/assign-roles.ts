import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link assignRoles}. */
export interface AssignRolesOptions extends CallOptions {
  /** The user. */
  username: string;
  /** Role names. */
  roles: string[];
}

/**
 * Assigns roles to a user (`/admin/security/users/assignRoles`).
 *
 * @example
 * await assignRoles(adminUrl, { username: "u1", roles: ["editors"], session });
 */
export async function assignRoles(adminUrl: string, options: AssignRolesOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "users", "assignRoles"), { username: options.username, roles: options.roles }, { ...options, write: true });
}
