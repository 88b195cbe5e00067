import { ArcGISAuthError } from "../errors/arcgis-auth-error.js";
import { ArcGISRequestError } from "../errors/arcgis-request-error.js";
import { ArcGISNetworkError } from "../errors/arcgis-network-error.js";
import { ArcGISTimeoutError } from "../errors/arcgis-timeout-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { send } from "../request/pipeline.js";
import { isPortalUrl, serverRoot } from "./server-root.js";
import type { Session } from "./session.js";
import { Token } from "./token.js";

/** The `client` a token is bound to: a referer (browser-style), the caller's IP, or a given IP. */
export type TokenClient = "referer" | "requestip" | "ip";

/** Options of {@link generateToken}. */
export interface GenerateTokenOptions {
  /** Session to store the token and credentials in (default: the global session). */
  session?: Session;
  /** Token lifetime to ask for, in minutes (default: the session's `tokenExpirationMinutes`, 60). */
  expirationMinutes?: number;
  /** Referer the token is bound to (default: the session's, else the page or server origin). */
  referer?: string;
  /** `client` parameter. Default `referer`. */
  client?: TokenClient;
  /** Cancels the sign-in. */
  signal?: AbortSignal;
}

/** `rest/info` as far as token discovery needs it. */
interface RestInfo {
  owningSystemUrl?: string;
  authInfo?: { isTokenBasedSecurity?: boolean | string; tokenServicesUrl?: string };
}

/** A generateToken answer. */
interface GenerateTokenResponse {
  token?: unknown;
  expires?: unknown;
  ssl?: unknown;
}

/** The referer to bind tokens to when none is configured: the page origin in browsers, else the server origin. */
function defaultReferer(root: string): string {
  const location = (globalThis as { location?: { origin?: string } }).location;
  return typeof location?.origin === "string" && location.origin !== "null" ? location.origin : new URL(root).origin;
}

function normalizeTokenServiceUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return /\/tokens$/i.test(trimmed) ? `${trimmed}/generateToken` : trimmed;
}

/**
 * The token endpoint for the server of `url` (see `findTokenServiceUrl`), asked through `session`. @internal
 */
export async function discoverTokenService(url: string, session: Session, signal?: AbortSignal): Promise<string> {
  const root = serverRoot(url);
  if (isPortalUrl(url)) return `${root}/sharing/rest/generateToken`;
  let info: RestInfo;
  try {
    info = await send<RestInfo>(`${root}/rest/info`, { signal, anonymous: true }, session);
  } catch (error) {
    // No ArcGIS Server rest/info here: the root may be a portal given without /sharing or /home.
    const transient = error instanceof ArcGISNetworkError || error instanceof ArcGISTimeoutError || error instanceof ArcGISAuthError;
    if (error instanceof ArcGISRequestError && !transient) return `${root}/sharing/rest/generateToken`;
    throw error;
  }
  const tokenServicesUrl = info?.authInfo?.tokenServicesUrl;
  if (typeof tokenServicesUrl === "string" && tokenServicesUrl !== "") return normalizeTokenServiceUrl(tokenServicesUrl);
  if (typeof info?.owningSystemUrl === "string" && info.owningSystemUrl !== "") {
    return `${info.owningSystemUrl.replace(/\/+$/, "")}/sharing/rest/generateToken`;
  }
  return `${root}/tokens/generateToken`;
}

/**
 * Asks the token service for a token without storing it anywhere.
 * @internal used by `generateToken` and the password token provider
 */
export async function requestToken(
  url: string,
  credentials: { username: string; password: string },
  session: Session,
  options: Omit<GenerateTokenOptions, "session"> & { tokenServiceUrl?: string } = {},
): Promise<{ token: Token; tokenServiceUrl: string }> {
  const root = serverRoot(url);
  const expirationMinutes = options.expirationMinutes ?? session.tokenExpirationMinutes;
  if (!(expirationMinutes > 0) || !Number.isFinite(expirationMinutes)) {
    throw new ValidationError("expirationMinutes", `must be a positive number, got ${String(expirationMinutes)}`);
  }
  const client = options.client ?? "referer";
  const referer = options.referer ?? session.referer ?? defaultReferer(root);
  const tokenServiceUrl = options.tokenServiceUrl ?? (await discoverTokenService(url, session, options.signal));
  const answer = await send<GenerateTokenResponse>(tokenServiceUrl, {
    signal: options.signal,
    anonymous: true,
    httpMethod: "POST",
    params: {
      username: credentials.username,
      password: credentials.password,
      client,
      referer: client === "referer" ? referer : undefined,
      expiration: Math.round(expirationMinutes),
      f: "json",
    },
  }, session);
  if (typeof answer?.token !== "string" || answer.token === "") {
    throw new ArcGISAuthError({
      message: `The token service at ${tokenServiceUrl} answered without a token`,
      response: answer,
      url: tokenServiceUrl,
      method: "POST",
    });
  }
  const expires = typeof answer.expires === "number" ? answer.expires : Date.now() + expirationMinutes * 60_000;
  const token = new Token({
    value: answer.token,
    expires,
    serverRoot: root,
    ssl: typeof answer.ssl === "boolean" ? answer.ssl : undefined,
    referer: client === "referer" ? referer : undefined,
  });
  return { token, tokenServiceUrl };
}

