import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getMachines}. */
export type GetMachinesOptions = CallOptions;

/**
 * The site's machines (`/admin/machines`).
 *
 * @example
 * const { machines } = await getMachines(adminUrl, { session });
 */
export async function getMachines(adminUrl: string, options: GetMachinesOptions = {}): Promise<{ machines: Array<{ machineName: string; adminURL: string; [key: string]: unknown }> }> {
  return adminRequest<{ machines: Array<{ machineName: string; adminURL: string; [key: string]: unknown }> }>(adminUrlOf(adminUrl, "machines"), {}, { ...options });
}
