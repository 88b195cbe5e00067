import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { Permission } from "../types.js";

/** Options of {@link getPermissions}. */
export interface GetPermissionsOptions extends CallOptions {
  /** A folder, or "Folder/Name.Type". */
  resource: string;
}

/**
 * Lists the permissions of a folder or service (`.../permissions`).
 *
 * @example
 * const { permissions } = await getPermissions(adminUrl, { resource: "Secure", session });
 */
export async function getPermissions(adminUrl: string, options: GetPermissionsOptions): Promise<{ permissions: Permission[] }> {
  return adminRequest<{ permissions: Permission[] }>(adminUrlOf(adminUrl, "services", options.resource, "permissions"), {}, { ...options });
}
