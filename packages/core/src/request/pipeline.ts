import ky from "ky";
import { parseHttpUrl, serverRoot, serverRootKey } from "../auth/server-root.js";
import type { Session } from "../auth/session.js";
import { Token } from "../auth/token.js";
import { ArcGISAuthError } from "../errors/arcgis-auth-error.js";
import { ArcGISNetworkError } from "../errors/arcgis-network-error.js";
import { ArcGISRequestError } from "../errors/arcgis-request-error.js";
import { ArcGISTimeoutError } from "../errors/arcgis-timeout-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { sleep } from "./abort.js";
import { prepareRequest } from "./prepare-request.js";
import { readResponse, retryAfterMs } from "./read-response.js";
import { redactUrl } from "./redact-url.js";
import { backoffDelay, type RetryPolicy } from "./retry-policy.js";
import { serializeParams, type SerializedValue } from "./serialize-params.js";
import type { RequestKind, RequestOptions } from "./types.js";

/** Redirects followed per attempt before giving up. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Everything fixed for the whole call (all attempts). */
interface Call {
  /** Target URL without query. */
  base: string;
  entries: Array<[string, SerializedValue]>;
  format: string | undefined;
  session: Session;
  options: RequestOptions;
  kind: RequestKind;
  timeoutMs: number;
  /** A token passed explicitly by the caller (params.token or ?token= in the URL). */
  explicitToken: string | undefined;
}

/** The outcome of one attempt: the value, or a typed error plus where the last hop went. */
class AttemptError extends Error {
  constructor(
    readonly error: unknown,
    readonly finalUrl: string,
  ) {
    super("attempt failed");
  }
}

function merge(entries: Array<[string, SerializedValue]>, extra: URLSearchParams): Array<[string, SerializedValue]> {
  const names = new Set(entries.map(([name]) => name));
  const merged = [...entries];
  for (const [name, value] of extra) if (!names.has(name) && name.toLowerCase() !== "token") merged.push([name, value]);
  return merged;
}

/** Maps whatever a hop threw to a typed error. */
function typedError(error: unknown, call: Call, timedOut: boolean, displayUrl: string): unknown {
  if (timedOut) {
    return new ArcGISTimeoutError({
      message: `No answer from ${displayUrl} within ${call.timeoutMs} ms`,
      url: displayUrl,
      timeoutMs: call.timeoutMs,
      cause: error,
    });
  }
  if (error instanceof ArcGISRequestError || error instanceof ValidationError) return error;
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new ArcGISNetworkError({ message: `Could not reach ${displayUrl}: ${reason}`, url: displayUrl, cause: error });
}

/**
 * One attempt. Each hop takes a slot of the per-origin limit and has its own timeout; with a token,
 * redirects are followed here so the token is re-attached only under the server root that issued it.
 */
async function attempt(call: Call, token: { value: string; referer?: string } | undefined): Promise<unknown> {
  const { session, options } = call;
  const tokenRoot = token ? serverRootKey(call.base) : undefined;
  let target = call.base;
  let entries = call.entries;
  let hopToken = token;
  for (let hop = 0; ; hop++) {
    const prepared = prepareRequest({
      target,
      entries,
      token: hopToken?.value,
      referer: hopToken?.referer,
      tokenPlacement: session.tokenPlacement,
      proxy: session.proxyFor(target),
      httpMethod: options.httpMethod,
      multipart: options.multipart ?? false,
      headers: options.headers,
    });
    const { displayUrl } = prepared;
    const release = await session.limiter(new URL(target).origin).acquire(options.signal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), call.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    try {
      const response = await ky(prepared.fetchUrl, {
        method: prepared.method,
        body: prepared.body,
        headers: prepared.headers,
        signal,
        // With a token we follow redirects ourselves, so the token never leaves its server root.
        redirect: hopToken ? "manual" : "follow",
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        ...(session.fetch ? { fetch: session.fetch } : {}),
      });
      if (response.type === "opaqueredirect") {
        throw new ArcGISRequestError({
          message: `${displayUrl} answered with a redirect whose target the browser hides; the request carried a token for ${serverRoot(call.base)}, so it was not followed (request the final URL directly)`,
          url: displayUrl,
          method: prepared.method,
        });
      }
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) {
        return await readResponse(response, {
          displayUrl,
          method: prepared.method,
          rawResponse: options.rawResponse ?? false,
          format: call.format,
        });
      }
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) {
        throw new ArcGISRequestError({
          message: `Too many redirects (more than ${MAX_REDIRECTS}) starting from ${redactUrl(call.base)}`,
          httpStatus: response.status,
          url: displayUrl,
          method: prepared.method,
        });
      }
      const next = new URL(location, target);
      next.hash = "";
      entries = merge(entries, next.searchParams);
      next.search = "";
      target = next.toString();
      // Re-attach the token only under the server root that issued it.
      if (hopToken && serverRootKey(target) !== tokenRoot) hopToken = undefined;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw new AttemptError(typedError(error, call, timeout.signal.aborted, displayUrl), target);
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}

/** The delay before the next retry, or undefined when `error` is final. */
function retryDelay(error: unknown, kind: RequestKind, retries: number, policy: RetryPolicy): number | undefined {
  if (kind === "write" || retries >= policy.limit) return undefined;
  if (error instanceof ArcGISTimeoutError) return policy.retryOnTimeout ? backoffDelay(policy, retries) : undefined;
  if (error instanceof ArcGISNetworkError) return backoffDelay(policy, retries);
  if (!(error instanceof ArcGISRequestError)) return undefined;
  // Busy ArcGIS Servers also report 500/503 inside HTTP 200 bodies ({"error":{"code":500,...}}).
  const status = error.httpStatus === undefined || error.httpStatus === 200 ? error.code : error.httpStatus;
  if (status === undefined || !policy.statusCodes.includes(status)) return undefined;
  const after = retryAfterMs(error);
  if (after === undefined) return backoffDelay(policy, retries);
  return after <= policy.maxRetryAfterMs ? after : undefined;
}

/** Rewrites a 498/499 error so it says what the session lacked. */
function explainAuthError(error: ArcGISAuthError, call: Call, tokenSent: boolean): ArcGISAuthError {
  const root = serverRoot(call.base);
  let hint: string;
  if (error.code === 499 && !tokenSent) {
    const stale = call.session.tokenFor(call.base);
    hint = stale
      ? `${error.url} needs a token; the session's token for ${root} expired at ${stale.expires.toISOString()} and it holds no credentials to renew it`
      : `${error.url} needs a token; the session holds no token or credentials for ${root} (use generateToken(), session.setCredentials() or session.addToken())`;
  } else if (error.code === 498 || error.code === 499) {
    hint = `the token for ${root} was rejected (invalid or expired)${call.session.hasTokenProvider(call.base) ? " even after renewing it" : " and the session holds no credentials to renew it"}`;
  } else {
    return error;
  }
  return new ArcGISAuthError({
    message: `${error.message}: ${hint}`,
    code: error.code,
    messageCode: error.messageCode,
    details: error.details,
    httpStatus: error.httpStatus,
    response: error.response,
    url: error.url,
    method: error.method,
  });
}

function validateOptions(options: RequestOptions): void {
  if (options.kind !== undefined && options.kind !== "read" && options.kind !== "write") {
    throw new ValidationError("kind", `must be "read" or "write", got ${String(options.kind)}`);
  }
  if (options.httpMethod !== undefined && options.httpMethod !== "GET" && options.httpMethod !== "POST") {
    throw new ValidationError("httpMethod", `must be "GET" or "POST", got ${String(options.httpMethod)}`);
  }
  if (options.timeout !== undefined && !(typeof options.timeout === "number" && options.timeout > 0)) {
    throw new ValidationError("timeout", `must be a positive number of milliseconds, got ${String(options.timeout)}`);
  }
}

/**
 * The pipeline behind {@link request}, for a given session. It sees the session only through its
 * tokens, limits and settings, so sign-in (which itself sends requests) can sit above it.
 * @internal
 */
export async function send<T = unknown>(url: string, options: RequestOptions, session: Session): Promise<T> {
  validateOptions(options);
  const parsed = parseHttpUrl(url, "url");
  parsed.hash = "";
  const urlParams = parsed.searchParams;
  const params: Record<string, unknown> = { ...(options.params ?? {}) };
  for (const [name, value] of urlParams) if (!(name in params)) params[name] = value;
  parsed.search = "";
  let explicit = params.token;
  delete params.token;
  if (explicit instanceof Token) {
    if (serverRootKey(explicit.serverRoot) !== serverRootKey(parsed.toString())) {
      throw new ValidationError("params.token", `was issued for ${explicit.serverRoot}, not for ${serverRoot(parsed.toString())}`);
    }
    explicit = explicit.value;
  }
  if (explicit !== undefined && explicit !== null && (typeof explicit !== "string" || explicit === "")) {
    throw new ValidationError("params.token", "must be a non-empty string or a Token");
  }
  const { entries } = serializeParams(params);
  const format = entries.find(([name]) => name === "f")?.[1];
  const call: Call = {
    base: parsed.toString(),
    entries,
    format: typeof format === "string" ? format.toLowerCase() : undefined,
    session,
    options,
    kind: options.kind ?? "read",
    timeoutMs: options.timeout ?? session.timeoutMs,
    explicitToken: typeof explicit === "string" ? explicit : undefined,
  };
  const { signal } = options;
  let retries = 0;
  let authRenewed = false;
  for (;;) {
    signal?.throwIfAborted();
    let token: { value: string; referer?: string } | undefined;
    if (call.explicitToken !== undefined) token = { value: call.explicitToken, referer: session.referer };
    else if (!options.anonymous) {
      const stored = await session.resolveToken(call.base, { signal });
      if (stored) token = { value: stored.value, referer: stored.referer ?? session.referer };
    }
    try {
      return (await attempt(call, token)) as T;
    } catch (thrown) {
      if (!(thrown instanceof AttemptError)) throw thrown;
      const { error, finalUrl } = thrown;
      if (error instanceof ArcGISAuthError && (error.code === 498 || error.code === 499)) {
        const renewable =
          !authRenewed &&
          call.explicitToken === undefined &&
          !options.anonymous &&
          serverRootKey(finalUrl) === serverRootKey(call.base) &&
          session.hasTokenProvider(call.base);
        if (renewable) {
          authRenewed = true;
          await session.refreshToken(call.base, { signal, stale: token?.value });
          continue;
        }
        throw explainAuthError(error, call, token !== undefined);
      }
      const delay = retryDelay(error, call.kind, retries, session.retry);
      if (delay === undefined) throw error;
      retries++;
      await sleep(delay, signal);
    }
  }
}
