import { getDefaultSession } from "./default-session.js";
import { discoverTokenService, requestToken, type GenerateTokenOptions } from "./request-token.js";
import { serverRoot } from "./server-root.js";
import type { Session } from "./session.js";
import { requireText, type Token } from "./token.js";

export type { GenerateTokenOptions, TokenClient } from "./request-token.js";

/**
 * Finds the token endpoint for the server of `url`: `<root>/sharing/rest/generateToken` for Portal and
 * ArcGIS Online, else `authInfo.tokenServicesUrl` from `<root>/rest/info` (falling back to the portal
 * endpoint when `rest/info` does not exist, and to `<root>/tokens/generateToken` when it names none).
 */
export async function findTokenServiceUrl(url: string, options: { session?: Session; signal?: AbortSignal } = {}): Promise<string> {
  return discoverTokenService(url, options.session ?? getDefaultSession(), options.signal);
}

/**
 * Signs in to the server of `url` and returns its token. The token is stored in the session under
 * its server root, and the credentials are remembered so the session can refresh it; later requests
 * to that server (and only to it) carry the token.
 *
 * ArcGIS Server: the token service is discovered from `<root>/rest/info`; Portal / ArcGIS Online:
 * `<root>/sharing/rest/generateToken`. The password is sent in a POST body, never in a URL.
 * @throws {@link ValidationError} for an empty username or password or a bad URL;
 *   {@link ArcGISAuthError} when the server rejects the credentials.
 */
export async function generateToken(url: string, username: string, password: string, options: GenerateTokenOptions = {}): Promise<Token> {
  requireText(username, "username");
  requireText(password, "password");
  const session = options.session ?? getDefaultSession();
  const root = serverRoot(url);
  const { token, tokenServiceUrl } = await requestToken(url, { username, password }, session, options);
  session.addToken(token);
  session.setCredentials(root, { username, password }, {
    expirationMinutes: options.expirationMinutes,
    referer: options.referer,
    client: options.client,
    tokenServiceUrl,
  });
  return token;
}
