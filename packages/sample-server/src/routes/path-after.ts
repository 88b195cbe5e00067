import type { RequestContext } from "../context.js";

/**
 * The segments after `/arcgis/<area>` when the path starts with it (case-insensitively, like
 * ArcGIS Server's `/ArcGIS/rest/...`), else undefined.
 */
export function pathAfter(ctx: RequestContext, ...prefix: string[]): string[] | undefined {
  const { segments } = ctx;
  if (segments.length < prefix.length) return undefined;
  for (let i = 0; i < prefix.length; i++) {
    if (segments[i].toLowerCase() !== prefix[i].toLowerCase()) return undefined;
  }
  return segments.slice(prefix.length);
}
