import { ValidationError } from "@arcrest/core";

/**
 * A layer or table URL without query string, trailing slash or operation
 * (`.../MapServer/0/query` → `.../MapServer/0`).
 */
export function layerUrl(url: string): string {
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) {
    throw new ValidationError("url", `expected an http(s) layer URL such as https://host/arcgis/rest/services/Name/MapServer/0, got ${String(url)}`);
  }
  return url
    .split(/[?#]/)[0]
    .replace(/\/+$/, "")
    .replace(/\/(query|queryRelatedRecords|queryAttachments)$/i, "");
}

/** `<layer>/query`. */
export function queryUrl(url: string): string {
  return `${layerUrl(url)}/query`;
}
