import ky, { isHTTPError, isTimeoutError, type KyRequest } from "ky";
import { parseHttpUrl, serverRoot, serverRootKey } from "../auth/server-root.js";
import type { PipelineSession } from "./token-source.js";
import type { Token } from "../auth/token.js";
import { ArcGISAuthError } from "../errors/arcgis-auth-error.js";
import { ArcGISNetworkError } from "../errors/arcgis-network-error.js";
import { ArcGISRequestError } from "../errors/arcgis-request-error.js";
import { ArcGISTimeoutError } from "../errors/arcgis-timeout-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { explainAuthError } from "./explain-auth-error.js";
import { prepareRequest } from "./prepare-request.js";
import { readResponse } from "./read-response.js";
import { backoffDelay, parseRetryAfter } from "./retry-policy.js";
import { serializeParams, type SerializedValue } from "./serialize-params.js";
import type { HttpMethod, RequestKind, RequestOptions } from "./types.js";

/** Redirects followed per attempt before giving up (as browsers do); a loop fails and is not retried. */
export const MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type HopToken = { value: string; referer?: string } | undefined;

/** Everything fixed for the whole call (all attempts). */
interface Call {
  /** Target URL without query. */
  base: string;
  entries: Array<[string, SerializedValue]>;
  format: string | undefined;
  session: PipelineSession;
  options: RequestOptions;
  kind: RequestKind;
  timeoutMs: number;
  /** A token passed explicitly by the caller (params.token or ?token= in the URL). */
  explicitToken: string | undefined;
}

/** What the current attempt found, shared by ky's hooks and the exchange. */
interface Attempt {
  token: HopToken;
  /** The per-origin concurrency slot held by the attempt. */
  release: () => void;
  finalUrl: string;
  displayUrl: string;
  /** The proxy the last hop went through, for error messages. */
  proxy?: string | undefined;
  value?: unknown;
  error?: ArcGISRequestError;
  renewed: number;
}

function merge(entries: Array<[string, SerializedValue]>, extra: URLSearchParams): Array<[string, SerializedValue]> {
  const names = new Set(entries.map(([name]) => name));
  const merged = [...entries];
  for (const [name, value] of extra) if (!names.has(name) && name.toLowerCase() !== "token") merged.push([name, value]);
  return merged;
}

/** The Request of one hop (the token only under its own server root); notes its URL for errors. */
function hop(
  call: Call,
  attempt: Attempt,
  target: string,
  entries: Array<[string, SerializedValue]>,
  token: HopToken,
  signal: AbortSignal,
  redirect: RequestRedirect = "manual",
): Request {
  const { session, options } = call;
  attempt.proxy = session.proxyFor(target);
  const { fetchUrl, displayUrl, method, body, headers } = prepareRequest({
    ...options, // httpMethod, multipart and headers
    target,
    entries,
    token: token?.value,
    referer: token?.referer,
    tokenPlacement: session.tokenPlacement,
    proxy: attempt.proxy,
  });
  attempt.displayUrl = displayUrl;
  // Redirects are followed by hand (exchange), so a token never leaves its server root and only http(s) is followed.
  return new Request(fetchUrl, { method, body, headers, redirect, signal });
}

/** ky's beforeRequest hook: a token for this attempt, a slot of the per-origin limit, then the first hop. */
async function firstHop(call: Call, attempt: Attempt, signal: AbortSignal): Promise<Request> {
  const { session, options } = call;
  attempt.token = undefined;
  if (call.explicitToken !== undefined) attempt.token = { value: call.explicitToken, referer: session.referer };
  else if (!options.anonymous) {
    const stored = await session.resolveToken(call.base, { signal: options.signal });
    if (stored) attempt.token = { value: stored.value, referer: stored.referer ?? session.referer };
  }
  // ky has no concurrency limit: a slot per origin, taken before ky's timeout starts.
  attempt.release = await session.limiter(new URL(call.base).origin).acquire(options.signal);
  attempt.finalUrl = call.base;
  return hop(call, attempt, call.base, call.entries, attempt.token, signal);
}

/**
 * ky's fetch: one attempt, redirects followed by hand and the body read and parsed inside ky's timeout.
 * Error answers come back to ky as a bodiless copy of their status and headers (for its retry and
 * Retry-After handling), the typed error kept in `attempt`.
 */
async function exchange(call: Call, attempt: Attempt, first: Request): Promise<Response> {
  const { session, options } = call;
  let [request, target, entries, token] = [first, call.base, call.entries, attempt.token];
  attempt.value = attempt.error = undefined;
  try {
    for (let hops = 0; ; hops++) {
      let response = await (session.fetch ?? fetch)(request);
      const method = request.method as HttpMethod;
      if (response.type === "opaqueredirect" && !token) {
        // A browser hides the target of a manual redirect; without a token it may follow it itself.
        response = await (session.fetch ?? fetch)(hop(call, attempt, target, entries, token, first.signal, "follow"));
      }
      if (response.type === "opaqueredirect") {
        const message = `${attempt.displayUrl} answered with a redirect whose target the browser hides; the request carried a token for ${serverRoot(call.base)}, so it was not followed (request the final URL directly)`;
        throw new ArcGISRequestError({ message, url: attempt.displayUrl, method });
      }
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) {
        try {
          attempt.value = await readResponse(response, { ...attempt, method, rawResponse: !!options.rawResponse, format: call.format, maxBytes: session.maxResponseBytes });
          if (options.rawResponse) return response;
        } catch (error) {
          if (!(error instanceof ArcGISRequestError)) throw error;
          attempt.error = error;
        }
        return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
      }
      await response.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) {
        const message = `Too many redirects (more than ${MAX_REDIRECTS}) starting from ${call.base}`;
        throw new ArcGISRequestError({ message, httpStatus: response.status, url: attempt.displayUrl, method });
      }
      const next = URL.canParse(location, target) ? new URL(location, target) : undefined;
      if (next?.protocol !== "http:" && next?.protocol !== "https:") {
        const scheme = next ? `a ${next.protocol} URL` : "an invalid URL";
        const message = `${attempt.displayUrl} redirected to ${scheme}; only http and https redirects are followed`;
        throw new ArcGISRequestError({ message, httpStatus: response.status, url: attempt.displayUrl, method });
      }
      next.hash = "";
      entries = merge(entries, next.searchParams);
      next.search = "";
      target = attempt.finalUrl = next.toString();
      // Re-attach the token only under the server root that issued it.
      if (token && serverRootKey(target) !== serverRootKey(call.base)) token = undefined;
      request = hop(call, attempt, target, entries, token, first.signal);
      attempt.release();
      attempt.release = await session.limiter(new URL(target).origin).acquire(options.signal);
    }
  } catch (error) {
    if (first.signal.aborted) throw first.signal.reason;
    if (error instanceof ArcGISRequestError || error instanceof ValidationError) throw error;
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    const via = attempt.proxy === undefined ? "" : ` through the proxy ${attempt.proxy}`;
    throw new ArcGISNetworkError({ message: `Could not reach ${attempt.displayUrl}${via}: ${reason}`, url: attempt.displayUrl, cause: error });
  } finally {
    attempt.release();
  }
}

/** ky's afterResponse hook: renew a rejected token once, retry a transient error in an HTTP 200 body, else throw. */
async function checkAnswer(call: Call, attempt: Attempt, retryCount: number): Promise<ReturnType<typeof ky.retry> | undefined> {
  const { error } = attempt;
  if (!error) return undefined;
  const { session, options, kind } = call;
  if (error instanceof ArcGISAuthError && (error.code === 498 || error.code === 499)) {
    const renewable =
      attempt.renewed === 0 &&
      call.explicitToken === undefined &&
      !options.anonymous &&
      serverRootKey(attempt.finalUrl) === serverRootKey(call.base) &&
      session.hasTokenProvider(call.base);
    if (!renewable) throw explainAuthError(error, call, attempt.token !== undefined);
    attempt.renewed++;
    await session.refreshToken(call.base, { signal: options.signal, stale: attempt.token?.value });
    return ky.retry({ delay: 0, cause: error });
  }
  const { statusCodes, limit } = session.retry;
  const retriable = kind === "read" && error.httpStatus !== undefined && statusCodes.includes(error.httpStatus);
  if (retriable && error.httpStatus !== 200) return undefined; // ky throws its HTTPError and retries (Retry-After, backoff).
  // Busy ArcGIS Servers also report 500/503 inside HTTP 200 bodies ({"error":{"code":500,...}}).
  const busy = kind === "read" && error.httpStatus === 200 && error.code !== undefined && statusCodes.includes(error.code);
  if (busy && retryCount - attempt.renewed < limit) return ky.retry({ cause: error });
  throw error;
}

/** ky's shouldRetry: the policy's limit (a token renewal does not count) and its longest Retry-After. */
function shouldRetry(call: Call, attempt: Attempt, error: Error, retryCount: number): boolean | undefined {
  const policy = call.session.retry;
  if (retryCount - attempt.renewed > policy.limit) return false;
  if (isHTTPError(error)) {
    const after = parseRetryAfter(error.response.headers.get("retry-after"));
    return after !== undefined && after > policy.maxRetryAfterMs ? false : undefined;
  }
  return isTimeoutError(error) || error instanceof ArcGISNetworkError ? undefined : false;
}

/** The typed error for whatever ky threw last. */
function finalError(error: unknown, call: Call, attempt: Attempt): unknown {
  if (isHTTPError(error)) return attempt.error ?? error;
  if (isTimeoutError(error)) {
    const { displayUrl: url } = attempt;
    return new ArcGISTimeoutError({ message: `No answer from ${url} within ${call.timeoutMs} ms`, url, timeoutMs: call.timeoutMs, cause: error });
  }
  return error;
}

/** Sends the call through ky, whose retry, timeout and hooks carry the policy. */
async function sendWithKy(call: Call): Promise<unknown> {
  const { session, options, kind } = call;
  const policy = session.retry;
  const attempt: Attempt = { token: undefined, release: () => undefined, finalUrl: call.base, displayUrl: call.base, renewed: 0 };
  try {
    const response = await ky(call.base, {
      signal: options.signal,
      timeout: call.timeoutMs,
      // One more than the policy's limit leaves room for the single renewal after a 498/499 (shouldRetry keeps the limit).
      retry: {
        limit: policy.limit + 1,
        methods: kind === "read" ? ["get", "post"] : [],
        statusCodes: policy.statusCodes as number[],
        afterStatusCodes: policy.statusCodes as number[],
        delay: (n) => backoffDelay(policy, n - 1),
        retryOnTimeout: policy.retryOnTimeout,
        shouldRetry: ({ error, retryCount }) => shouldRetry(call, attempt, error, retryCount),
      },
      throwHttpErrors: (status) => kind === "read" && policy.statusCodes.includes(status),
      fetch: (input) => exchange(call, attempt, input as Request),
      hooks: {
        beforeRequest: [(request: KyRequest) => firstHop(call, attempt, request.signal)],
        afterResponse: [(_request, _options, _response, state) => checkAnswer(call, attempt, state.retryCount)],
      },
    });
    const value = options.rawResponse ? response : attempt.value;
    // ky's abort-signal chain keeps the attempt reachable until a full GC; the parsed body must not stay with it.
    attempt.value = undefined;
    return value;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw finalError(error, call, attempt);
  } finally {
    attempt.release();
  }
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
 * Whether a value is a {@link Token}, told by its shape: a class check would load the Token class into
 * every bundle for this one test, and would miss tokens made by a second copy of this package.
 */
function isToken(value: unknown): value is Pick<Token, "value" | "serverRoot"> {
  return typeof (value as Token | undefined)?.value === "string" && typeof (value as Token).serverRoot === "string";
}

/**
 * The pipeline behind {@link request}, for a given session. It sees the session only through its
 * tokens, limits and settings, so sign-in (which itself sends requests) can sit above it.
 * @internal
 */
export async function send<T = unknown>(url: string, options: RequestOptions, session: PipelineSession): Promise<T> {
  validateOptions(options);
  const parsed = parseHttpUrl(url, "url");
  parsed.hash = "";
  const urlParams = parsed.searchParams;
  const params: Record<string, unknown> = { ...(options.params ?? {}) };
  for (const [name, value] of urlParams) if (!(name in params)) params[name] = value;
  parsed.search = "";
  let explicit = takeToken(params);
  if (isToken(explicit)) {
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
  return (await sendWithKy({
    base: parsed.toString(),
    entries,
    format: typeof format === "string" ? format.toLowerCase() : undefined,
    session,
    options,
    kind: options.kind ?? "read",
    timeoutMs: options.timeout ?? session.timeoutMs,
    explicitToken: typeof explicit === "string" ? explicit : undefined,
  })) as T;
}

/** Removes every spelling of `token` (`TOKEN`, `Token`…) from the parameters, so none can reach a URL; returns the value. */
function takeToken(params: Record<string, unknown>): unknown {
  let value = params.token;
  for (const name of Object.keys(params)) {
    if (name.toLowerCase() !== "token") continue;
    value ??= params[name];
    delete params[name];
  }
  return value;
}
