import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import type { AdminUser } from "../types.js";

/** Options of {@link addUser}. */
export interface AddUserOptions extends CallOptions {
  /** The user with its password. */
  user: AdminUser & { password: string };
}

/**
 * Adds a user (`/admin/security/users/add`). The password goes in the POST body only.
 *
 * @example
 * await addUser(adminUrl, { user: { username: "u1", password: "secret" }, session });
 */
export async function addUser(adminUrl: string, options: AddUserOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "security", "users", "add"), { user: options.user }, { ...options, write: true });
}
