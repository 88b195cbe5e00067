import type { CallOptions } from "../request/types.js";
import { request } from "../request/index.js";
import type { LayerInfo } from "./types.js";

/** Reads a layer's or table's JSON (`.../MapServer/0?f=json`). */
export function fetchLayerInfo(url: string, options: CallOptions = {}): Promise<LayerInfo> {
  return request<LayerInfo>(url, { ...options, kind: "read" });
}
