import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { AdminRole } from "../types.js";

/** Options of {@link getRoles}. */
export interface GetRolesOptions extends CallOptions {
  /** First index (default 0). */
  startIndex?: number;
  /** Page size (default 10). */
  pageSize?: number;
}

/**
 * Lists one page of the role store (`/admin/security/roles/getRoles`).
 *
 * @example
 * const { roles } = await getRoles(adminUrl, { pageSize: 100, session });
 */
export async function getRoles(adminUrl: string, options: GetRolesOptions = {}): Promise<{ roles: AdminRole[]; hasMore: boolean }> {
  return adminRequest<{ roles: AdminRole[]; hasMore: boolean }>(adminUrlOf(adminUrl, "security", "roles", "getRoles"), { startIndex: options.startIndex, pageSize: options.pageSize }, { ...options });
}
