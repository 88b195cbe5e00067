import { request, type CallOptions } from "@arcrest/core";
import type { FederatedServer } from "../types.js";

/**
 * `portals/self/servers`: the ArcGIS Server sites federated with the portal (Enterprise only).
 *
 * @example
 * ```ts
 * const servers = await getServers("https://host/portal/sharing/rest", { session });
 * servers.map((s) => s.adminUrl);
 * ```
 */
export async function getServers(restUrl: string, options: CallOptions = {}): Promise<FederatedServer[]> {
  const answer = await request<{ servers?: FederatedServer[] }>(`${restUrl}/portals/self/servers`, { session: options.session, signal: options.signal });
  return Array.isArray(answer?.servers) ? answer.servers : [];
}
