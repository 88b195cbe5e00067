import type { ArcGISRequestError, ArcGISRequestErrorInit } from "../errors/arcgis-request-error.js";
import { errorFromBody, makeError, parseJson, summarizeText } from "./parse-error.js";
import type { HttpMethod } from "./types.js";
import { concatBytes } from "../bytes/concat-bytes.js";

/** Error envelopes are small; larger non-JSON downloads are passed through unread. */
const MAX_PEEK_BYTES = 64 * 1024;

/** Default of `SessionOptions.maxResponseBytes`: 512 MiB. @internal */
export const DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

/** What {@link readResponse} needs to know about the request. @internal */
export interface ReadContext {
  displayUrl: string;
  method: HttpMethod;
  rawResponse: boolean;
  /** The `f` parameter sent, if any. */
  format: string | undefined;
  /** Largest body read, in bytes after decompression. */
  maxBytes: number;
}

/**
 * The body as text, counting bytes as they arrive (after decompression), so an endless or
 * gzip-bombed answer stops at `context.maxBytes` with memory bounded by it.
 */
async function readText(response: Response, context: ReadContext, fail: (message: string) => ArcGISRequestError): Promise<string> {
  const tooLarge = (): ArcGISRequestError =>
    fail(`The answer from ${context.displayUrl} is larger than the limit of ${context.maxBytes} bytes (the session's maxResponseBytes)`);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > context.maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    if (declared > context.maxBytes) throw tooLarge();
    return "";
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > context.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  // One decode of the whole body: decoding chunk by chunk and joining the parts costs several times more.
  return new TextDecoder().decode(concatBytes(chunks));
}

function isJsonFormat(format: string | undefined): boolean {
  return format === "json" || format === "pjson" || format === "geojson";
}

/**
 * Turns a response into parsed JSON (or the Response itself for `rawResponse`), or throws a typed
 * error for HTTP errors, ArcGIS error bodies in HTTP 200, and non-JSON answers where JSON was expected.
 * @internal
 */
export async function readResponse(response: Response, context: ReadContext): Promise<unknown> {
  const { displayUrl: url, method } = context;
  const { status } = response;
  const errorContext = { url, method, httpStatus: status };
  const fail = (message: string, extra?: Partial<ArcGISRequestErrorInit>): ArcGISRequestError =>
    makeError({ message, httpStatus: status, url, method, ...extra });
  const contentType = response.headers.get("content-type") ?? "";
  if (context.rawResponse && response.ok) {
    // A binary download can still come back as a small JSON error envelope (e.g. an expired token).
    const length = Number(response.headers.get("content-length") ?? Number.NaN);
    if (!isJsonFormat(context.format) && /json|text\/plain/i.test(contentType) && length <= MAX_PEEK_BYTES) {
      const error = errorFromBody(parseJson(await response.clone().text()), errorContext);
      if (error) {
        await response.body?.cancel().catch(() => undefined);
        throw error;
      }
    }
    return response;
  }

  const text = await readText(response, context, fail);
  const parsed = parseJson(text);
  const error = errorFromBody(parsed, errorContext);
  if (error) throw error;
  if (response.ok && parsed !== undefined) return parsed;
  const summary = summarizeText(text);
  if (!response.ok) {
    const statusText = response.statusText ? ` ${response.statusText}` : "";
    throw fail(`HTTP ${status}${statusText} from ${url}${summary && `: ${summary}`}`, { code: status, response: parsed ?? text });
  }
  throw fail(`Expected JSON from ${url} but got ${contentType || "an unlabelled body"}${summary ? `: ${summary}` : " (empty)"}`, { response: text });
}
