import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import type { DataItem } from "../types.js";

/** Options of {@link registerDataItem}. */
export interface RegisterDataItemOptions extends CallOptions {
  /** The item. */
  item: DataItem;
}

/**
 * Registers a data item (`/admin/data/registerItem`).
 *
 * @example
 * await registerDataItem(adminUrl, { item: { path: "/fileShares/x", type: "folder", info: { path: "/data/x" } }, session });
 */
export async function registerDataItem(adminUrl: string, options: RegisterDataItemOptions): Promise<DataItem & AdminStatus> {
  return adminRequest<DataItem & AdminStatus>(adminUrlOf(adminUrl, "data", "registerItem"), { item: options.item }, { ...options, write: true });
}
