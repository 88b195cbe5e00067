import { requestToken, type TokenClient } from "./request-token.js";
import type { Credentials } from "./session.js";
import type { Token } from "./token.js";
import type { TokenProvider, TokenProviderOptions } from "./token-provider.js";

/** Options of a {@link PasswordTokenProvider}. */
export interface PasswordTokenProviderOptions {
  /** Token lifetime to ask for, in minutes (default: the session's `tokenExpirationMinutes`). */
  expirationMinutes?: number;
  /** Referer the token is bound to (default: the session's, else the page or server origin). */
  referer?: string;
  /** `client` parameter of generateToken. Default `referer`. */
  client?: TokenClient;
  /** The token endpoint, when already known (skips discovery). */
  tokenServiceUrl?: string;
}

/** Signs in with a username and password for one server root, discovering its token service once. */
export class PasswordTokenProvider implements TokenProvider {
  readonly #root: string;
  readonly #credentials: Credentials;
  readonly #options: PasswordTokenProviderOptions;
  #tokenServiceUrl: string | undefined;

  /**
   * @param root - the server root the tokens are for
   * @param credentials - username and password for it
   */
  constructor(root: string, credentials: Credentials, options: PasswordTokenProviderOptions = {}) {
    this.#root = root;
    this.#credentials = { username: credentials.username, password: credentials.password };
    this.#options = { ...options };
    this.#tokenServiceUrl = options.tokenServiceUrl;
  }

  /** Generates a new token. */
  async getToken({ session, signal }: TokenProviderOptions): Promise<Token> {
    const { token, tokenServiceUrl } = await requestToken(this.#root, this.#credentials, session, {
      ...this.#options,
      signal,
      tokenServiceUrl: this.#tokenServiceUrl,
    });
    this.#tokenServiceUrl = tokenServiceUrl;
    return token;
  }
}
