import type { CallOptions } from "@arcrest/core";
import { type AdminStatus, adminRequest, adminUrlOf } from "../admin-request.js";
import { servicePath } from "../service-path.js";
import type { ServiceJson } from "../types.js";

/** Options of {@link editService}. */
export interface EditServiceOptions extends CallOptions {
  /** "Folder/Name.Type". */
  service: string;
  /** The complete service JSON. */
  json: ServiceJson;
}

/**
 * Replaces a service's JSON (`.../edit`). The server keeps only what is posted: send the whole JSON (the facade's `edit()` reads and merges).
 *
 * @example
 * await editService(adminUrl, { service: "ahps_gauges.MapServer", json: { ...json, description: "x" }, session });
 */
export async function editService(adminUrl: string, options: EditServiceOptions): Promise<AdminStatus> {
  return adminRequest<AdminStatus>(adminUrlOf(adminUrl, "services", servicePath(options.service), "edit"), { service: options.json }, { ...options, write: true });
}
