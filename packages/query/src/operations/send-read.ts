import { request, type CallOptions, type ParamValue } from "@arcrest/core";
import { checkOptionsObject } from "../params/options-object.js";

/**
 * Sends a read request: `kind: "read"`, so the pipeline retries it on network
 * faults, 429 and 5xx (also when those arrive as error codes inside HTTP 200
 * bodies, as busy ArcGIS Servers send them), even when it goes as a POST.
 */
export function sendRead<T>(url: string, params: Record<string, ParamValue>, options: CallOptions = {}): Promise<T> {
  checkOptionsObject(options);
  return request<T>(url, { params, kind: "read", session: options.session, signal: options.signal });
}
