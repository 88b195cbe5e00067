import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { AdminRole } from "../types.js";

/** Options of {@link searchRoles}. */
export interface SearchRolesOptions extends CallOptions {
  /** Text the role name contains. */
  filter?: string;
  /** Most roles to return. */
  maxCount?: number;
}

/**
 * Searches the role store (`/admin/security/roles/search`); no paging.
 *
 * @example
 * const { roles } = await searchRoles(adminUrl, { filter: "edit", session });
 */
export async function searchRoles(adminUrl: string, options: SearchRolesOptions = {}): Promise<{ roles: AdminRole[]; hasMore: boolean }> {
  return adminRequest<{ roles: AdminRole[]; hasMore: boolean }>(adminUrlOf(adminUrl, "security", "roles", "search"), { filter: options.filter, maxCount: options.maxCount }, { ...options });
}
