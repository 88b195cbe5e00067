import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link removeRole}. */
export interface RemoveRoleOptions extends CallOptions {
  /** The role. */
  rolename: string;
}

/**
 * Removes a role (`/admin/security/roles/remove`).
 *
 * @example
 * await removeRole(adminUrl, { rolename: "editors", session });
 */
export async function removeRole(adminUrl: string, options: RemoveRoleOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "roles", "remove"), { rolename: options.rolename }, { ...options, write: true });
}
