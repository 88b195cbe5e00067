import { ArcGISAuthError, Token, ValidationError, getDefaultSession, request, type CallOptions } from "@arcrest/core";
import { serverRoot } from "@arcrest/core/internal";

/** Options of {@link exchangeToken}. */
export interface ExchangeTokenOptions extends CallOptions {
  /** The federated server the token is for (its `url` or `adminUrl` from `portals/self/servers`). */
  serverUrl: string;
  /** Lifetime asked for, in minutes (default: the session's `tokenExpirationMinutes`). */
  expirationMinutes?: number;
  /** Referer the server token is bound to (default: the portal token's, else the session's, else the server origin). */
  referer?: string;
}

/**
 * `generateToken` with `serverUrl`: exchanges the session's portal token for a token of a federated
 * server. The portal token goes only to the portal (in the POST body); the answer is a `Token`
 * scoped to the server root of `serverUrl`, not stored anywhere.
 * @throws `ValidationError` for a bad `serverUrl`; `ArcGISAuthError` when the portal refuses.
 *
 * @example
 * ```ts
 * const token = await exchangeToken(portal.restUrl, { serverUrl: "https://host/server", session });
 * ```
 */
export async function exchangeToken(restUrl: string, options: ExchangeTokenOptions): Promise<Token> {
  if (typeof options?.serverUrl !== "string") throw new ValidationError("serverUrl", "must be the federated server's URL");
  const root = serverRoot(options.serverUrl);
  const session = options.session ?? getDefaultSession();
  const minutes = options.expirationMinutes ?? session.tokenExpirationMinutes;
  const referer = options.referer ?? session.tokenFor(restUrl)?.referer ?? session.referer ?? new URL(root).origin;
  const url = `${restUrl}/generateToken`;
  const answer = await request<{ token?: unknown; expires?: unknown; ssl?: unknown }>(url, {
    session,
    signal: options.signal,
    httpMethod: "POST",
    params: { serverUrl: options.serverUrl, referer, expiration: Math.round(minutes) },
  });
  if (typeof answer?.token !== "string" || answer.token === "") {
    throw new ArcGISAuthError({ message: `The portal at ${restUrl} gave no token for ${root}`, response: answer, url, method: "POST" });
  }
  return new Token({
    value: answer.token,
    expires: typeof answer.expires === "number" ? answer.expires : Date.now() + minutes * 60_000,
    serverRoot: root,
    ssl: typeof answer.ssl === "boolean" ? answer.ssl : undefined,
    referer,
  });
}
