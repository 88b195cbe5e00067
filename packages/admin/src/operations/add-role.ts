import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import type { AdminRole } from "../types.js";

/** Options of {@link addRole}. */
export interface AddRoleOptions extends CallOptions {
  /** The role. */
  role: AdminRole;
}

/**
 * Adds a role (`/admin/security/roles/add`).
 *
 * @example
 * await addRole(adminUrl, { role: { rolename: "editors" }, session });
 */
export async function addRole(adminUrl: string, options: AddRoleOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "roles", "add"), { role: options.role }, { ...options, write: true });
}
