import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getClusters}. */
export type GetClustersOptions = CallOptions;

/**
 * The site's clusters (`/admin/clusters`).
 *
 * @example
 * const { clusters } = await getClusters(adminUrl, { session });
 */
export async function getClusters(adminUrl: string, options: GetClustersOptions = {}): Promise<{ clusters: Array<{ clusterName: string; machineNames: string[]; [key: string]: unknown }> }> {
  return adminRequest<{ clusters: Array<{ clusterName: string; machineNames: string[]; [key: string]: unknown }> }>(adminUrlOf(adminUrl, "clusters"), {}, { ...options });
}
