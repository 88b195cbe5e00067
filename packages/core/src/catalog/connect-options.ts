import type { CallOptions } from "../request/types.js";
import { Session, Token, generateToken, getDefaultSession } from "../auth/index.js";

/**
 * How to reach a (possibly secured) server — the seed's three ways:
 * username/password, an existing token, or an Esri resource proxy.
 */
export interface ConnectOptions extends CallOptions {
  /** Generate a token with these credentials (kept in the session and refreshed when it expires). */
  username?: string;
  /** Password for `username`. */
  password?: string;
  /** A token already issued for this server (a string or a {@link Token}). */
  token?: string | Token;
  /** An Esri resource proxy (`https://host/proxy.ashx`) every request is sent through. */
  proxy?: string;
}

/**
 * Applies connect-time credentials to a session and returns the session to use.
 * Tokens are stored under the server root of `url` only, so they never travel elsewhere.
 */
export async function sessionFor(url: string, options: ConnectOptions = {}): Promise<Session> {
  let session = options.session ?? getDefaultSession();
  if (options.proxy) {
    session = session.withProxy(options.proxy);
  }
  // A Token issued for another server is refused here rather than silently never used.
  if (options.token !== undefined) session.authenticate(url, { token: options.token });
  if (options.username !== undefined && options.password !== undefined) {
    await generateToken(url, options.username, options.password, { session, signal: options.signal });
  }
  return session;
}
