import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import type { DataItem } from "../types.js";

/** Options of {@link validateDataItem}. */
export interface ValidateDataItemOptions extends CallOptions {
  /** The item. */
  item: DataItem;
}

/**
 * Validates a data item's connection (`/admin/data/validateDataItem`).
 *
 * @example
 * await validateDataItem(adminUrl, { item: { path: "/fileShares/x", type: "folder", info: { path: "/data/x" } }, session });
 */
export async function validateDataItem(adminUrl: string, options: ValidateDataItemOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "data", "validateDataItem"), { item: options.item }, { ...options });
}
