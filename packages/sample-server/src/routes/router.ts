import type { Route, RequestContext } from "../context.js";
import { errorReply, type Reply } from "../http/reply.js";
import { adminRoute } from "./admin.js";
import { directoryRoute } from "./directory.js";
import { geocodeRoute } from "./geocode.js";
import { imageServerRoute } from "./image-server.js";
import { gpRoute } from "./gp.js";
import { infoRoute } from "./info.js";
import { outputRoute } from "./output.js";
import { portalRoute } from "./portal.js";
import { servicesRoute } from "./services.js";
import { tokensRoute } from "./tokens.js";

/**
 * Route families, tried in order. New families (admin, geocode, GP, ...) are added here as new
 * files, one line each; service operations are added to the service route list in services.ts.
 * Route files take `pathAfter` from ./path-after.ts, never from this file (no import cycle).
 */
const ROUTES: Route[] = [
  portalRoute, // /arcgis/sharing/rest, before the server routes
  infoRoute,
  tokensRoute,
  adminRoute,
  outputRoute,
  geocodeRoute,
  imageServerRoute,
  gpRoute,
  servicesRoute,
  directoryRoute, // folders and the services root, after the services themselves
];

/** Answers a request with the first route that handles it, else a 404 error body. */
export async function dispatch(ctx: RequestContext): Promise<Reply> {
  for (const route of ROUTES) {
    const reply = await route(ctx);
    if (reply) return reply;
  }
  return errorReply(404, "Not Found", [`${ctx.path} is not a resource of this server.`], ctx.params);
}
