import { request, type CallOptions } from "@arcrest/core";
import type { PortalGroupInfo } from "../types.js";
import { checkId } from "../validate.js";

/**
 * `community/groups/<id>`: a group's description.
 * @throws `ValidationError` for an id that is not 32 hex characters; `ArcGISRequestError` for an unknown group.
 *
 * @example
 * ```ts
 * const group = await getGroup(restUrl, groupId, { session });
 * ```
 */
export async function getGroup(restUrl: string, id: string, options: CallOptions = {}): Promise<PortalGroupInfo> {
  checkId(id);
  return request<PortalGroupInfo>(`${restUrl}/community/groups/${id}`, { session: options.session, signal: options.signal });
}
