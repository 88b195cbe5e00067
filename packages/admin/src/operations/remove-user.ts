import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link removeUser}. */
export interface RemoveUserOptions extends CallOptions {
  /** The user. */
  username: string;
}

/**
 * Removes a user (`/admin/security/users/remove`).
 *
 * @example
 * await removeUser(adminUrl, { username: "u1", session });
 */
export async function removeUser(adminUrl: string, options: RemoveUserOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "users", "remove"), { username: options.username }, { ...options, write: true });
}
