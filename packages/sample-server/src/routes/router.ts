import type { Route, RequestContext } from "../context.js";
import { errorReply, type Reply } from "../http/reply.js";
import { directoryRoute } from "./directory.js";
import { gpRoute } from "./gp.js";
import { infoRoute } from "./info.js";
import { outputRoute } from "./output.js";
import { servicesRoute } from "./services.js";
import { tokensRoute } from "./tokens.js";

/**
 * Route families, tried in order. New families (admin, geocode, GP, ...) are added here as new
 * files; service operations are added to the service route list in services.ts.
 */
const ROUTES: Route[] = [infoRoute, tokensRoute, outputRoute, gpRoute, servicesRoute, directoryRoute];

/** Answers a request with the first route that handles it, else a 404 error body. */
export async function dispatch(ctx: RequestContext): Promise<Reply> {
  for (const route of ROUTES) {
    const reply = await route(ctx);
    if (reply) return reply;
  }
  return errorReply(404, "Not Found", [`${ctx.path} is not a resource of this server.`], ctx.params);
}

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
