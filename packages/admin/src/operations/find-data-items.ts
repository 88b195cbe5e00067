import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import type { DataItem } from "../types.js";

/** Options of {@link findDataItems}. */
export interface FindDataItemsOptions extends CallOptions {
  /** E.g. "/fileShares" or "/enterpriseDatabases". */
  parentPath: string;
  /** Only these item types. */
  types?: string[];
}

/**
 * Finds registered data items under a path (`/admin/data/findItems`).
 *
 * @example
 * const { items } = await findDataItems(adminUrl, { parentPath: "/fileShares", session });
 */
export async function findDataItems(adminUrl: string, options: FindDataItemsOptions): Promise<{ items: DataItem[] }> {
  return adminRequest<{ items: DataItem[] }>(adminUrlOf(adminUrl, "data", "findItems"), { parentPath: options.parentPath, types: options.types }, { ...options });
}
