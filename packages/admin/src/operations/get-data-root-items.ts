import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getDataRootItems}. */
export type GetDataRootItemsOptions = CallOptions;

/**
 * Lists the data store's root item paths (`/admin/data/items`).
 *
 * @example
 * const { rootItems } = await getDataRootItems(adminUrl, { session });
 */
export async function getDataRootItems(adminUrl: string, options: GetDataRootItemsOptions = {}): Promise<{ rootItems: string[] }> {
  return adminRequest<{ rootItems: string[] }>(adminUrlOf(adminUrl, "data", "items"), {}, { ...options });
}
