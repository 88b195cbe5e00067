import { defaultTransport } from "./default-transport.js";
import { send } from "./pipeline.js";
import type { RequestOptions } from "./types.js";

export { MAX_REDIRECTS } from "./pipeline.js";

/**
 * Sends one ArcGIS REST request through the pipeline every call uses.
 *
 * - Parameters are serialised ArcGIS-style (objects as JSON, primitive arrays comma-joined, dates as
 *   epoch ms, null/undefined dropped); `f=json` unless `f` is given.
 * - GET while the URL stays under 2,000 characters, else POST; always POST when a token is attached
 *   (the token goes in the body or the `X-Esri-Authorization` header, never in the URL); multipart for binary parameters.
 * - The session's token for the URL's server root is attached unless `anonymous`; a redirect to another
 *   server root is followed without it; at most 20 redirects, only to http(s) URLs. On 498/499 a session holding credentials renews the token once and retries.
 * - `read` requests are retried on network faults, 429 and 500/502/503/504 (as HTTP statuses or as codes of an
 *   ArcGIS error inside an HTTP 200 body) with exponential backoff and jitter, honouring `Retry-After`;
 *   `write` requests never are.
 * - A JSON answer larger than the session's `maxResponseBytes` (after decompression) fails with `ArcGISRequestError`.
 * - Each attempt has a timeout (covering the whole body) and takes a slot of the session's per-origin concurrency limit.
 *
 * @example
 * ```ts
 * const info = await request<{ layers: unknown[] }>("https://host/arcgis/rest/services/S/MapServer");
 * ```
 * @returns the parsed JSON body, or the `Response` with `rawResponse: true`
 * @throws {@link ValidationError} for bad input (before any request); {@link ArcGISAuthError} for auth failures;
 *   {@link ArcGISTimeoutError}, {@link ArcGISNetworkError} or {@link ArcGISRequestError} for other failures;
 *   the signal's reason when aborted.
 */
export async function request(url: string, options: RequestOptions & { rawResponse: true }): Promise<Response>;
export async function request<T = unknown>(url: string, options?: RequestOptions): Promise<T>;
export async function request<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(url, options, options.session ?? defaultTransport());
}
