import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getUserPrivilege}. */
export interface GetUserPrivilegeOptions extends CallOptions {
  /** The user. */
  username: string;
}

/**
 * A user's privilege (`/admin/security/users/getPrivilege`): ACCESS, PUBLISH or ADMINISTER.
 *
 * @example
 * const { privilege } = await getUserPrivilege(adminUrl, { username: "u1", session });
 */
export async function getUserPrivilege(adminUrl: string, options: GetUserPrivilegeOptions): Promise<{ privilege: string }> {
  return adminRequest<{ privilege: string }>(adminUrlOf(adminUrl, "security", "users", "getPrivilege"), { username: options.username }, { ...options });
}
