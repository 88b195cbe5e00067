import type { Session } from "./session.js";
import type { Token } from "./token.js";

/** Options passed to a {@link TokenProvider}. */
export interface TokenProviderOptions {
  /** The session asking (use it for the provider's own requests: proxy, retry, limits). */
  session: Session;
  /** Cancels the token request. */
  signal?: AbortSignal;
}

/**
 * Produces fresh tokens for one server root. The session calls it when it has no
 * valid token for that root, before expiry, and once after a 498/499.
 * Username/password sign-in is one provider; federated servers (a portal token
 * exchanged for a server token) plug in here too.
 */
export interface TokenProvider {
  /** Obtains a new token for the root this provider is registered for. */
  getToken(options: TokenProviderOptions): Promise<Token>;
}
