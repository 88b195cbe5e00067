import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link unregisterDataItem}. */
export interface UnregisterDataItemOptions extends CallOptions {
  /** The item's path. */
  itemPath: string;
}

/**
 * Unregisters a data item (`/admin/data/unregisterItem`).
 *
 * @example
 * await unregisterDataItem(adminUrl, { itemPath: "/fileShares/x", session });
 */
export async function unregisterDataItem(adminUrl: string, options: UnregisterDataItemOptions): Promise<{ success: boolean }> {
  return adminRequest<{ success: boolean }>(adminUrlOf(adminUrl, "data", "unregisterItem"), { itemPath: options.itemPath }, { ...options, write: true });
}
