import type { CallOptions } from "../request/types.js";
import { request } from "../request/index.js";
import type { ServiceInfo } from "./types.js";

/** Reads a service's JSON (`.../MapServer?f=json`). */
export function fetchServiceInfo(url: string, options: CallOptions = {}): Promise<ServiceInfo> {
  return request<ServiceInfo>(url, { ...options, kind: "read" });
}
