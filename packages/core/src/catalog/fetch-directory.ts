import type { CallOptions } from "../request/types.js";
import { request } from "../request/index.js";
import type { DirectoryInfo } from "./types.js";

/** Reads a services directory listing (`/rest/services` or a folder). */
export function fetchDirectory(url: string, options: CallOptions = {}): Promise<DirectoryInfo> {
  return request<DirectoryInfo>(url, { ...options, kind: "read" });
}
