import { request, type CallOptions, type ParamValue } from "@arcrest/core";

/**
 * Sends a read request: `kind: "read"`, so the pipeline retries it on network
 * faults, 429 and 5xx (also when those arrive as error codes inside HTTP 200
 * bodies, as busy ArcGIS Servers send them), even when it goes as a POST.
 */
export function sendRead<T>(url: string, params: Record<string, ParamValue>, options: CallOptions = {}): Promise<T> {
  return request<T>(url, {
    params,
    kind: "read",
    ...(options.session ? { session: options.session } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
