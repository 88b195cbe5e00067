import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link removeRoles}. */
export interface RemoveRolesOptions extends CallOptions {
  /** The user. */
  username: string;
  /** Role names. */
  roles: string[];
}

/**
 * Removes roles from a user (`/admin/security/users/removeRoles`).
 *
 * @example
 * await removeRoles(adminUrl, { username: "u1", roles: ["editors"], session });
 */
export async function removeRoles(adminUrl: string, options: RemoveRolesOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "users", "removeRoles"), { username: options.username, roles: options.roles }, { ...options, write: true });
}
