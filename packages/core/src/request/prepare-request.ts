import { ValidationError } from "../errors/validation-error.js";
import { redactUrl } from "./redact-url.js";
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
  multipart: boolean;
  headers?: Record<string, string>;
}

function encode(entries: ReadonlyArray<[string, SerializedValue]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of entries) search.append(name, value as string);
  return search.toString();
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
  const headers = new Headers(input.headers);
  const multipart = input.multipart || input.entries.some(([, v]) => typeof v !== "string");
  if (input.httpMethod === "GET" && multipart) {
    throw new ValidationError("httpMethod", "GET cannot send multipart/form-data (a Blob parameter or multipart: true)");
  }
  const query = encode(input.entries);
  let method: HttpMethod;
  if (input.httpMethod) method = input.httpMethod;
  else if (input.token !== undefined || multipart) method = "POST";
  else method = viaProxy(input.proxy, `${input.target}?${query}`).length < MAX_GET_URL_LENGTH ? "GET" : "POST";

  // A GET forced by the caller still keeps the token out of the URL: it goes in the header.
  const tokenInHeader = input.token !== undefined && (input.tokenPlacement === "header" || method === "GET");
  if (input.token !== undefined) {
    if (tokenInHeader) headers.set("X-Esri-Authorization", `Bearer ${input.token}`);
    if (input.referer !== undefined) headers.set("Referer", input.referer);
  }
  if (method === "GET") {
    const url = query === "" ? input.target : `${input.target}?${query}`;
    return { fetchUrl: viaProxy(input.proxy, url), displayUrl: redactUrl(url), method, body: undefined, headers };
  }
  const entries: Array<[string, SerializedValue]> = [...input.entries];
  if (input.token !== undefined && !tokenInHeader) entries.push(["token", input.token]);
  let body: URLSearchParams | FormData;
  if (multipart) {
    body = new FormData();
    for (const [name, value] of entries) {
      if (typeof value === "string") body.append(name, value);
      else body.append(name, value, typeof File !== "undefined" && value instanceof File ? value.name : name);
    }
  } else {
    body = new URLSearchParams();
    for (const [name, value] of entries) body.append(name, value as string);
  }
  return { fetchUrl: viaProxy(input.proxy, input.target), displayUrl: redactUrl(input.target), method, body, headers };
}
