import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import { servicePath } from "../service-path.js";

/** Options of {@link startService}. */
export interface StartServiceOptions extends CallOptions {
  /** "Folder/Name.Type". */
  service: string;
}

/**
 * Starts a service (`.../start`).
 *
 * @example
 * await startService(adminUrl, { service: "ahps_gauges.MapServer", session });
 */
export async function startService(adminUrl: string, options: StartServiceOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "services", servicePath(options.service), "start"), {}, { ...options, write: true });
}
