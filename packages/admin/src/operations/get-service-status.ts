import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import { servicePath } from "../service-path.js";
import type { ServiceStatus } from "../types.js";

/** Options of {@link getServiceStatus}. */
export interface GetServiceStatusOptions extends CallOptions {
  /** "Folder/Name.Type". */
  service: string;
}

/**
 * Reads a service's configured and real-time state (`.../status`).
 *
 * @example
 * const { realTimeState } = await getServiceStatus(adminUrl, { service: "ahps_gauges.MapServer", session });
 */
export async function getServiceStatus(adminUrl: string, options: GetServiceStatusOptions): Promise<ServiceStatus> {
  return adminRequest<ServiceStatus>(adminUrlOf(adminUrl, "services", servicePath(options.service), "status"), {}, { ...options });
}
