import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link deleteFolder}. */
export interface DeleteFolderOptions extends CallOptions {
  /** The folder. */
  folder: string;
}

/**
 * Deletes a services folder (`/admin/services/<folder>/deleteFolder`).
 *
 * @example
 * await deleteFolder(adminUrl, { folder: "New", session });
 */
export async function deleteFolder(adminUrl: string, options: DeleteFolderOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "services", options.folder, "deleteFolder"), {}, { ...options, write: true });
}
