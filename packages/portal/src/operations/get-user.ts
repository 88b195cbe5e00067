import { request, type CallOptions } from "@arcrest/core";
import type { PortalUserInfo } from "../types.js";
import { checkName } from "../validate.js";

/**
 * `community/users/<username>`: a user's profile (the full one for yourself).
 * @throws `ValidationError` for an empty name; `ArcGISRequestError` for an unknown user.
 *
 * @example
 * ```ts
 * const user = await getUser(restUrl, "jsmith", { session });
 * ```
 */
export async function getUser(restUrl: string, username: string, options: CallOptions = {}): Promise<PortalUserInfo> {
  const name = checkName(username, "username");
  return request<PortalUserInfo>(`${restUrl}/community/users/${encodeURIComponent(name)}`, { session: options.session, signal: options.signal });
}
