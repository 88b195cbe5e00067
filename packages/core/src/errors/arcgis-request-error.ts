import type { HttpMethod } from "../request/types.js";

/** What an {@link ArcGISRequestError} is built from. */
export interface ArcGISRequestErrorInit {
  /** Human-readable message (the server's message when it sent one). */
  message: string;
  /** The ArcGIS error code (`error.code`), or the HTTP status when the body had none. */
  code?: number;
  /** The server's `messageCode` (e.g. `GWM_0003`), when present. */
  messageCode?: string;
  /** The server's `details` (or `messages`) list. */
  details?: string[];
  /** The HTTP status of the response, when one was received. */
  httpStatus?: number;
  /** The full parsed response body (JSON value or text), when one was received. */
  response?: unknown;
  /** The URL of the request, with any token removed. */
  url: string;
  /** The HTTP method used. */
  method?: HttpMethod;
  /** The underlying error (network failure, parse error ...). */
  cause?: unknown;
}

/**
 * A request to an ArcGIS server failed: an error body (also inside HTTP 200),
 * an HTTP error, a non-JSON answer where JSON was expected, or a network fault.
 * The `url` never contains a token.
 */
export class ArcGISRequestError extends Error {
  override name = "ArcGISRequestError";
  /** The ArcGIS error code, or the HTTP status when the body had none. */
  readonly code: number | undefined;
  /** The server's `messageCode`, when present. */
  readonly messageCode: string | undefined;
  /** The server's detail messages (possibly empty). */
  readonly details: string[];
  /** The HTTP status, when a response was received. */
  readonly httpStatus: number | undefined;
  /** The full parsed response body, when a response was received. */
  readonly response: unknown;
  /** The request URL without any token. */
  readonly url: string;
  /** The HTTP method used. */
  readonly method: HttpMethod | undefined;

  /** Builds the error; prefer the pipeline's own construction. */
  constructor(init: ArcGISRequestErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.messageCode = init.messageCode;
    this.details = init.details ?? [];
    this.httpStatus = init.httpStatus;
    this.response = init.response;
    this.url = init.url;
    this.method = init.method;
  }
}
