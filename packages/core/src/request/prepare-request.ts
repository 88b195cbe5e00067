import { ValidationError } from "../errors/validation-error.js";
import { isSecretParam } from "./secret-params.js";
import type { SerializedValue } from "./serialize-params.js";
import type { HttpMethod } from "./types.js";

/** GET is used while the whole URL stays under this many characters. */
export const MAX_GET_URL_LENGTH = 2000;

/** What one HTTP exchange needs. @internal */
export interface PreparedRequest {
  /** The URL fetched (through the proxy, if any). */
  fetchUrl: string;
  /** The target URL as it may appear in errors: with the query for GET, never with a token. */
  displayUrl: string;
  method: HttpMethod;
  body: URLSearchParams | FormData | undefined;
  headers: Headers;
}

/** Inputs of {@link prepareRequest}. @internal */
export interface PrepareInput {
  /** Target URL without query string. */
  target: string;
  entries: ReadonlyArray<[string, SerializedValue]>;
  /** Token to attach (already checked to belong to the target's server root). */
  token?: string;
  /** Referer to send with the token. */
  referer?: string;
  tokenPlacement: "body" | "header";
  proxy?: string;
  httpMethod?: HttpMethod;
  multipart?: boolean;
  headers?: Record<string, string>;
}

function viaProxy(proxy: string | undefined, url: string): string {
  return proxy === undefined ? url : `${proxy}?${url}`;
}

/**
 * Decides method, URL, body and headers: GET while the (proxied) URL stays under
 * {@link MAX_GET_URL_LENGTH}, else POST; always POST with a token (in the body or the
 * `X-Esri-Authorization` header, never in the URL) or binary parts (multipart/form-data).
 * @internal
 */
export function prepareRequest(input: PrepareInput): PreparedRequest {
  const { target, token, proxy } = input;
  const headers = new Headers(input.headers);
  const multipart = input.multipart || input.entries.some(([, v]) => typeof v !== "string");
  if (input.httpMethod === "GET" && multipart) {
    throw new ValidationError("httpMethod", "GET cannot send multipart/form-data (a Blob parameter or multipart: true)");
  }
  const form = new URLSearchParams(input.entries as Array<[string, string]>);
  const withQuery = (): string => (String(form) === "" ? target : `${target}?${form}`);
  const url = withQuery();
  const method = input.httpMethod ?? (token !== undefined || multipart || viaProxy(proxy, url).length >= MAX_GET_URL_LENGTH ? "POST" : "GET");

  // A GET forced by the caller still keeps the token out of the URL: it goes in the header.
  const tokenInHeader = token !== undefined && (input.tokenPlacement === "header" || method === "GET");
  if (tokenInHeader) headers.set("X-Esri-Authorization", `Bearer ${token}`);
  if (token !== undefined && input.referer !== undefined) headers.set("Referer", input.referer);
  if (method === "GET") {
    // Secrets the caller put in the parameters stay out of the URL shown in errors.
    for (const name of [...form.keys()]) if (isSecretParam(name)) form.delete(name);
    return { fetchUrl: viaProxy(proxy, url), displayUrl: withQuery(), method, body: undefined, headers };
  }
  const entries = token !== undefined && !tokenInHeader ? [...input.entries, ["token", token] as [string, string]] : input.entries;
  const body = multipart ? new FormData() : new URLSearchParams();
  for (const [name, value] of entries) {
    if (typeof value === "string") body.append(name, value);
    else (body as FormData).append(name, value, typeof File !== "undefined" && value instanceof File ? value.name : name);
  }
  return { fetchUrl: viaProxy(proxy, target), displayUrl: target, method, body, headers };
}
