import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";
import { servicePath } from "../service-path.js";
import type { ServiceJson } from "../types.js";

/** Options of {@link getService}. */
export interface GetServiceOptions extends CallOptions {
  /** "Folder/Name.Type" ("Name.Type" at the root). */
  service: string;
}

/**
 * Reads a service's full JSON (`GET /admin/services/<Folder/Name.Type>`).
 *
 * @example
 * const json = await getService(adminUrl, { service: "SanFrancisco/311Incidents.MapServer", session });
 */
export async function getService(adminUrl: string, options: GetServiceOptions): Promise<ServiceJson> {
  return adminRequest<ServiceJson>(adminUrlOf(adminUrl, "services", servicePath(options.service)), {}, { ...options });
}
