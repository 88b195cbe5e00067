import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { FolderListing } from "../types.js";

/** Options of {@link getFolder}. */
export interface GetFolderOptions extends CallOptions {
  /** The folder; default the root. */
  folder?: string;
}

/**
 * Lists a folder of services (`GET /admin/services[/<folder>]`); "/" or no folder is the root.
 *
 * @example
 * const root = await getFolder(adminUrl, { session });
 */
export async function getFolder(adminUrl: string, options: GetFolderOptions = {}): Promise<FolderListing> {
  const { folder } = options;
  return adminRequest<FolderListing>(folder && folder !== "/" ? adminUrlOf(adminUrl, "services", folder) : adminUrlOf(adminUrl, "services"), {}, { ...options });
}
