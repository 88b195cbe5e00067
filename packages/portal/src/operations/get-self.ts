import { request, type CallOptions } from "@arcrest/core";
import type { PortalSelf } from "../types.js";

/**
 * `portals/self`: the organisation and, when signed in, the user.
 * @param restUrl - the portal's sharing API, `https://host/portal/sharing/rest`
 *
 * @example
 * ```ts
 * const self = await getSelf("https://host/portal/sharing/rest", { session });
 * self.user?.username;
 * ```
 */
export function getSelf(restUrl: string, options: CallOptions = {}): Promise<PortalSelf> {
  return request<PortalSelf>(`${restUrl}/portals/self`, { session: options.session, signal: options.signal });
}
