import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link addPermission}. */
export interface AddPermissionOptions extends CallOptions {
  /** A folder, or "Folder/Name.Type". */
  resource: string;
  /** A role name or `esriEveryone`. */
  principal: string;
  /** Allow or deny. */
  isAllowed: boolean;
}

/**
 * Grants or denies a principal access to a folder or service (`.../permissions/add`). Denying `esriEveryone` makes it private.
 *
 * @example
 * await addPermission(adminUrl, { resource: "Secure", principal: "esriEveryone", isAllowed: false, session });
 */
export async function addPermission(adminUrl: string, options: AddPermissionOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "services", options.resource, "permissions", "add"), { principal: options.principal, isAllowed: options.isAllowed }, { ...options, write: true });
}
