import {
  ArcGISAuthError,
  ArcGISNetworkError,
  ArcGISRequestError,
  ArcGISTimeoutError,
  backoffDelay,
  getDefaultSession,
  request,
  type CallOptions,
  type ParamValue,
} from "@arcrest/core";

/** Codes that mean "try again" when a server puts them in an error body of an HTTP 200 answer. */
const TRANSIENT_BODY_CODES = new Set([429, 500, 502, 503, 504]);

/**
 * True for an ArcGIS error sent inside an HTTP 200 body with a transient code
 * (`{"error":{"code":500,"message":"Error performing query operation"}}` is what
 * busy ArcGIS Servers answer). The request pipeline retries HTTP 5xx and 429;
 * these arrive as 200, so query reads retry them here.
 */
export function isTransientBodyError(error: unknown): boolean {
  return (
    error instanceof ArcGISRequestError &&
    !(error instanceof ArcGISAuthError || error instanceof ArcGISNetworkError || error instanceof ArcGISTimeoutError) &&
    (error.httpStatus === undefined || error.httpStatus === 200) &&
    error.code !== undefined &&
    TRANSIENT_BODY_CODES.has(error.code)
  );
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Sends a read request (`kind: "read"`, so the pipeline may retry it even as a
 * POST) and also retries transient errors reported inside HTTP 200 bodies, with
 * the session's retry policy.
 */
export async function sendRead<T>(url: string, params: Record<string, ParamValue>, options: CallOptions = {}): Promise<T> {
  const session = options.session ?? getDefaultSession();
  for (let retries = 0; ; retries++) {
    try {
      return await request<T>(url, { params, kind: "read", session, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      if (!isTransientBodyError(error) || retries >= session.retry.limit) throw error;
      await sleep(backoffDelay(session.retry, retries), options.signal);
    }
  }
}
