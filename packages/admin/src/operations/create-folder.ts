import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link createFolder}. */
export interface CreateFolderOptions extends CallOptions {
  /** The new folder's name. */
  folderName: string;
  /** Its description. */
  description?: string;
}

/**
 * Creates a services folder (`/admin/services/createFolder`).
 *
 * @example
 * await createFolder(adminUrl, { folderName: "New", session });
 */
export async function createFolder(adminUrl: string, options: CreateFolderOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "services", "createFolder"), { folderName: options.folderName, description: options.description }, { ...options, write: true });
}
