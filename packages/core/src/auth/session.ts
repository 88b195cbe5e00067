import { ValidationError } from "../errors/validation-error.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../request/read-response.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../request/retry-policy.js";
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from "../request/default-transport.js";
import { limiterOf, type Semaphore } from "../request/semaphore.js";
import type { PipelineSession } from "../request/token-source.js";
import { PasswordTokenProvider, type PasswordTokenProviderOptions } from "./password-token-provider.js";
import { parseHttpUrl, serverRoot, serverRootKey } from "./server-root.js";
import { requireText, Token, type TokenInit } from "./token.js";
import type { TokenProvider } from "./token-provider.js";

/** Where the pipeline puts a token: a `token` form field, or an `X-Esri-Authorization: Bearer` header. */
export type TokenPlacement = "body" | "header";

/** A username and password for one server. */
export interface Credentials {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
}

/** The three ways of the seed to reach a secured server: sign in, an existing token, or a proxy. */
export type ServerAuth = Credentials | { token: string | Token } | { proxy: string };

/** Options of {@link Session}. */
export interface SessionOptions {
  /**
   * The server that `username`/`password`/`token` belong to (any URL on it). Required with them,
   * so a token is only ever sent to the server root it was issued for.
   */
  url?: string;
  /** User name for `url`; a token is generated on first use and refreshed before it expires. */
  username?: string;
  /** Password for `url`. */
  password?: string;
  /** An existing token for `url` (a string, or a {@link Token} which carries its own root). */
  token?: string | Token;
  /** An Esri resource proxy (`https://host/proxy.ashx`); requests go to `${proxy}?${targetUrl}`. */
  proxy?: string;
  /** Referer for `generateToken` (`client=referer`); default: the page origin in browsers, else the server origin. */
  referer?: string;
  /** Retry policy for read requests; unset fields keep the defaults (3 retries of 429 and 5xx answers with backoff). */
  retry?: Partial<RetryPolicy>;
  /** Requests in flight at once per server origin. Default 6. */
  concurrency?: number;
  /** Per-attempt timeout in ms. Default 60 000. */
  timeoutMs?: number;
  /**
   * Largest JSON answer read, in bytes after decompression (so a gzip bomb stops here too); a larger one
   * fails with an `ArcGISRequestError`. Default 512 MiB. Raw responses (`rawResponse`) are the caller's to read.
   */
  maxResponseBytes?: number;
  /** Where tokens go in requests. Default `body` (no CORS preflight, works with every server version). */
  tokenPlacement?: TokenPlacement;
  /** Refresh a token this long before it expires (when credentials are held). Default 60 000 ms. */
  refreshMarginMs?: number;
  /** Lifetime asked for generated tokens, in minutes. Default 60. */
  tokenExpirationMinutes?: number;
  /** The fetch implementation to use (default: the global `fetch`). */
  fetch?: typeof fetch;
}

function positive(value: number | undefined, fallback: number, name: string, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new ValidationError(name, `must be a non-negative ${integer ? "integer" : "number"}, got ${String(value)}`);
  }
  return value;
}

function retryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const merged = { ...DEFAULT_RETRY_POLICY, ...partial };
  positive(merged.limit, 0, "retry.limit", true);
  positive(merged.baseDelayMs, 0, "retry.baseDelayMs");
  positive(merged.maxDelayMs, 0, "retry.maxDelayMs");
  positive(merged.maxRetryAfterMs, 0, "retry.maxRetryAfterMs");
  return Object.freeze({ ...merged, statusCodes: Object.freeze([...merged.statusCodes]) });
}

// Waits for a shared promise while letting each caller give up on its own signal.
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/**
 * The context every request runs in: tokens per server root (the seed's IdentityManager),
 * credentials to get new ones, proxy, referer, retry policy, timeouts and the per-origin
 * concurrency limit. A token is only attached to requests under the root it was issued for.
 */
export class Session implements PipelineSession {
  /** Esri resource proxy used for every server without its own proxy rule. */
  readonly proxy: string | undefined;
  /** Referer used when generating tokens. */
  readonly referer: string | undefined;
  /** Retry policy for read requests. */
  readonly retry: Readonly<RetryPolicy>;
  /** Requests in flight at once per origin. */
  readonly concurrency: number;
  /** Per-attempt timeout in ms. */
  readonly timeoutMs: number;
  /** Largest JSON answer read, in bytes (see {@link SessionOptions.maxResponseBytes}). */
  readonly maxResponseBytes: number;
  /** Where tokens go in requests. */
  readonly tokenPlacement: TokenPlacement;
  /** How long before expiry a token is refreshed when credentials are held. */
  readonly refreshMarginMs: number;
  /** Lifetime asked for generated tokens, in minutes. */
  readonly tokenExpirationMinutes: number;
  /** The fetch implementation, when not the global one. */
  readonly fetch: typeof fetch | undefined;

  readonly #options: SessionOptions;
  // Identity and limits; shared with sessions derived by withProxy().
  #tokens = new Map<string, Token>();
  #providers = new Map<string, TokenProvider>();
  #inflight = new Map<string, Promise<Token>>();
  #proxies = new Map<string, string>();
  #limiters = new Map<string, Semaphore>();

  /**
   * @throws {@link ValidationError} for credentials or a token without `url`, half credentials,
   *   a bad proxy URL or bad numeric limits.
   */
  constructor(options: SessionOptions = {}) {
    if (options.proxy !== undefined) parseHttpUrl(options.proxy, "proxy");
    this.proxy = options.proxy;
    this.referer = options.referer;
    this.retry = retryPolicy(options.retry);
    this.concurrency = positive(options.concurrency, DEFAULT_CONCURRENCY, "concurrency", true) || 1;
    this.timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs");
    this.maxResponseBytes = positive(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes", true);
    if (options.tokenPlacement !== undefined && options.tokenPlacement !== "body" && options.tokenPlacement !== "header") {
      throw new ValidationError("tokenPlacement", `must be "body" or "header", got ${String(options.tokenPlacement)}`);
    }
    this.tokenPlacement = options.tokenPlacement ?? "body";
    this.refreshMarginMs = positive(options.refreshMarginMs, 60_000, "refreshMarginMs");
    this.tokenExpirationMinutes = positive(options.tokenExpirationMinutes, 60, "tokenExpirationMinutes");
    this.fetch = options.fetch;
    this.#options = { ...options, url: undefined, username: undefined, password: undefined, token: undefined };

    const { url, username, password, token } = options;
    if ((username !== undefined || password !== undefined) && url === undefined) {
      throw new ValidationError("url", "is required with username/password, so the credentials are only sent to that server");
    }
    if (typeof token === "string" && url === undefined) {
      throw new ValidationError("url", "is required with a token string, so the token is only sent to the server that issued it");
    }
    if (username !== undefined || password !== undefined) {
      this.setCredentials(url as string, { username: username as string, password: password as string });
    }
    // A Token carries its own root; with `url` it must be issued for that server (authenticate checks).
    if (token !== undefined) {
      if (url === undefined) this.addToken(token as Token);
      else this.authenticate(url, { token });
    }
  }

  /**
   * A session like this one that sends every request through `proxy` (an Esri resource proxy),
   * sharing this session's tokens, credentials and concurrency limits.
   * @throws {@link ValidationError} for a bad proxy URL.
   */
  withProxy(proxy: string): Session {
    const derived = new Session({ ...this.#options, proxy });
    derived.#tokens = this.#tokens;
    derived.#providers = this.#providers;
    derived.#inflight = this.#inflight;
    derived.#proxies = this.#proxies;
    derived.#limiters = this.#limiters;
    return derived;
  }

  /** Stores a token for its server root (replacing any previous one) and returns it. */
  addToken(token: Token | TokenInit): Token {
    const stored = token instanceof Token ? token : new Token(token);
    this.#tokens.set(serverRootKey(stored.serverRoot), stored);
    return stored;
  }

  /**
   * Remembers credentials for the server of `urlOrRoot`: tokens are generated on first use,
   * refreshed before expiry and once after a 498.
   * @throws {@link ValidationError} for a missing username or password.
   */
  setCredentials(urlOrRoot: string, credentials: Credentials, options: PasswordTokenProviderOptions = {}): void {
    requireText(credentials?.username, "username");
    requireText(credentials.password, "password");
    this.setTokenProvider(urlOrRoot, new PasswordTokenProvider(serverRoot(urlOrRoot), credentials, options));
  }

  /**
   * Registers (or with `undefined` removes) what produces tokens for the server of `urlOrRoot`.
   * Tokens it returns are stored under that root.
   */
  setTokenProvider(urlOrRoot: string, provider: TokenProvider | undefined): void {
    const key = serverRootKey(urlOrRoot);
    if (provider) this.#providers.set(key, provider);
    else this.#providers.delete(key);
  }

  /** Whether the session can obtain new tokens for the server of `url`. */
  hasTokenProvider(url: string): boolean {
    return this.#providers.has(serverRootKey(url));
  }

  /** Routes requests for the server of `urlOrRoot` through an Esri resource proxy (`undefined` removes the rule). */
  setProxy(urlOrRoot: string, proxy: string | undefined): void {
    const key = serverRootKey(urlOrRoot);
    if (proxy === undefined) {
      this.#proxies.delete(key);
      return;
    }
    parseHttpUrl(proxy, "proxy");
    this.#proxies.set(key, proxy);
  }

  /** The proxy requests to `url` go through, if any. */
  proxyFor(url: string): string | undefined {
    return this.#proxies.get(serverRootKey(url)) ?? this.proxy;
  }

  /**
   * Applies one of the seed's three ways of authenticating to the server of `url`:
   * `{ username, password }`, `{ token }` or `{ proxy }`.
   * @throws {@link ValidationError} when `auth` is none of them.
   */
  authenticate(url: string, auth: ServerAuth): void {
    if ("token" in auth) {
      if (auth.token instanceof Token && serverRootKey(auth.token.serverRoot) !== serverRootKey(url)) {
        throw new ValidationError("token", `was issued for ${auth.token.serverRoot}, not for ${serverRoot(url)}`);
      }
      this.addToken(auth.token instanceof Token ? auth.token : { value: auth.token, serverRoot: url });
    } else if ("proxy" in auth) this.setProxy(url, auth.proxy);
    else if ("username" in auth || "password" in auth) this.setCredentials(url, auth);
    else throw new ValidationError("auth", "expected { username, password }, { token } or { proxy }");
  }

  /** The token stored for the server of `url` (possibly expired), without any network request. */
  tokenFor(url: string): Token | undefined {
    return this.#tokens.get(serverRootKey(url));
  }

  /**
   * A valid token for the server of `url`, or `undefined` when the session has none and cannot get one.
   * With credentials, a token is generated when missing and refreshed within `refreshMarginMs` of expiry;
   * concurrent callers share one token request. Expired tokens without credentials are not returned.
   */
  async resolveToken(url: string, options: { signal?: AbortSignal } = {}): Promise<Token | undefined> {
    const key = serverRootKey(url);
    const token = this.#tokens.get(key);
    const provider = this.#providers.get(key);
    if (token && !token.isExpired(provider ? this.refreshMarginMs : 0)) return token;
    if (!provider) return undefined;
    try {
      return await raceSignal(this.#fetchToken(key, provider), options.signal);
    } catch (error) {
      // A refresh that fails before expiry is not fatal: the current token still works.
      if (token && !token.isExpired() && !options.signal?.aborted) return token;
      throw error;
    }
  }

  /** The value of {@link Session.resolveToken}: the tiny auth hook the request pipeline calls. */
  async getToken(url: string, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    return (await this.resolveToken(url, options))?.value;
  }

  /**
   * Gets a new token for the server of `url` after the server rejected `stale` (498/499).
   * If another caller already replaced `stale`, that token is returned without a request.
   * Returns `undefined` when the session has no credentials for that server.
   */
  async refreshToken(url: string, options: { signal?: AbortSignal; stale?: string } = {}): Promise<string | undefined> {
    const key = serverRootKey(url);
    const current = this.#tokens.get(key);
    if (current && current.value !== options.stale && !current.isExpired()) return current.value;
    const provider = this.#providers.get(key);
    if (!provider) return undefined;
    if (current && current.value === options.stale) this.#tokens.delete(key);
    return (await raceSignal(this.#fetchToken(key, provider), options.signal)).value;
  }

  /** Forgets the token for the server of `url` (credentials stay, so a new one is generated on next use). */
  invalidateToken(url: string): void {
    this.#tokens.delete(serverRootKey(url));
  }

  /** The concurrency limiter for one origin. @internal */
  limiter(origin: string): Semaphore {
    return limiterOf(this.#limiters, origin, this.concurrency);
  }

  #fetchToken(key: string, provider: TokenProvider): Promise<Token> {
    let pending = this.#inflight.get(key);
    if (!pending) {
      // Shared by all callers, so no single caller's signal may cancel it.
      pending = provider
        .getToken({ session: this })
        .then((token) => {
          const stored = serverRootKey(token.serverRoot) === key ? token : new Token({ ...token, serverRoot: key });
          this.#tokens.set(key, stored);
          return stored;
        })
        .finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    return pending;
  }
}
