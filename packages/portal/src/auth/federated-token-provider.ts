import type { Token, TokenProvider, TokenProviderOptions } from "@arcrest/core";
import { exchangeToken } from "../operations/exchange-token.js";

/**
 * Gets tokens for a federated server by exchanging the session's portal token
 * (`generateToken` with `serverUrl`). Register it for the server's root with
 * `session.setTokenProvider(serverUrl, provider)`: the session then asks it for a token the
 * first time a request goes to that server, before the token expires, and once after a 498.
 * The portal token itself only ever goes to the portal.
 *
 * @example
 * ```ts
 * session.setTokenProvider(server.adminUrl, new FederatedTokenProvider(portal.restUrl, server.url));
 * ```
 */
export class FederatedTokenProvider implements TokenProvider {
  readonly #restUrl: string;
  readonly #serverUrl: string;

  /**
   * @param restUrl - the portal's sharing API (`https://host/portal/sharing/rest`)
   * @param serverUrl - the federated server's URL as the portal lists it
   */
  constructor(restUrl: string, serverUrl: string) {
    this.#restUrl = restUrl;
    this.#serverUrl = serverUrl;
  }

  /** Exchanges the portal token for a server token. */
  getToken({ session, signal }: TokenProviderOptions): Promise<Token> {
    return exchangeToken(this.#restUrl, { serverUrl: this.#serverUrl, session, ...(signal ? { signal } : {}) });
  }
}
