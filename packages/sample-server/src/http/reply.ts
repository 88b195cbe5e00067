/** What a route answers: status, headers and a body. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Content type of JSON answers (ArcGIS Server 10.x and later). */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A JSON answer; `f=pjson` (or `pretty`) indents it like ArcGIS' pretty JSON. */
export function jsonReply(value: unknown, params?: Record<string, string>, status = 200): Reply {
  const pretty = params?.f?.toLowerCase() === "pjson" || params?.pretty === "true";
  return {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE },
    body: pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value),
  };
}

/** An ArcGIS error body `{"error":{code,message,details}}`, sent with HTTP 200 as ArcGIS does. */
export function errorReply(code: number, message: string, details: string[] = [], params?: Record<string, string>): Reply {
  return jsonReply({ error: { code, message, details } }, params);
}

/** A binary answer. */
export function bytesReply(data: Uint8Array, contentType: string, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { "content-type": contentType, ...headers }, body: data };
}

/** An HTML error page with a non-200 status (what a proxy or a failing web server sends). */
export function htmlErrorReply(status: number, title: string): Reply {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><p>The server encountered an error processing the request.</p></body></html>\n`,
  };
}

/** Reason phrases for the statuses the server produces. */
export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return texts[status] ?? "Error";
}
