import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import { servicePath } from "../service-path.js";

/** Options of {@link stopService}. */
export interface StopServiceOptions extends CallOptions {
  /** "Folder/Name.Type". */
  service: string;
}

/**
 * Stops a service (`.../stop`); its REST endpoint answers "not started" until started again.
 *
 * @example
 * await stopService(adminUrl, { service: "ahps_gauges.MapServer", session });
 */
export async function stopService(adminUrl: string, options: StopServiceOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "services", servicePath(options.service), "stop"), {}, { ...options, write: true });
}
