import { checkAccess } from "../auth/guard.js";
import { editServiceRoutes } from "./edit-routes.js";
import type { Route } from "../context.js";
import { findService, isSecured, publishedTypes, serviceTypeOf } from "../data/lookup.js";
import { errorReply } from "../http/reply.js";
import { attachmentRoute } from "./attachments.js";
import { exportMapRoute } from "./export-map.js";
import { featureServiceRoute } from "./feature-service.js";
import { layerRoute } from "./layer.js";
import { mapServiceRoute } from "./map-service.js";
import { queryRoute } from "./query.js";
import { serviceQueryRoute } from "./service-query.js";
import { pathAfter } from "./path-after.js";
import type { ServiceRoute } from "./service-context.js";

/**
 * Operations on services, tried in order. Later features (applyEdits, replicas, geocode, GP,
 * image) add their own files here.
 */
const SERVICE_ROUTES: ServiceRoute[] = [mapServiceRoute, featureServiceRoute, serviceQueryRoute, layerRoute, queryRoute, attachmentRoute, exportMapRoute, ...editServiceRoutes];

/** `/arcgis/rest/services/[<folder>/]<name>/<type>/...`: finds the service, checks access, dispatches. */
export const servicesRoute: Route = async (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "services");
  if (!rest) return undefined;
  const typeIndex = rest.findIndex((segment) => serviceTypeOf(segment) !== undefined);
  if (typeIndex < 1) return undefined; // a folder: the directory route answers
  const serviceType = serviceTypeOf(rest[typeIndex]);
  if (!serviceType) return undefined;
  const name = rest.slice(0, typeIndex).join("/");
  const { dataset } = ctx.state;
  const service = findService(dataset, name, serviceType);
  if (!service) {
    // ArcGIS Server answers a stopped service with an error naming it, not as unknown.
    const stopped = dataset.services.find((s) => s.started === false && s.name.toLowerCase() === name.toLowerCase() && publishedTypes(s).includes(serviceType));
    if (stopped) return errorReply(500, `Service ${stopped.name}/${stopped.type} not started `, [], ctx.params); // sic: trailing space, as recorded
    return errorReply(404, "Service not found", [], ctx.params);
  }
  const refusal = checkAccess(ctx, isSecured(dataset, service));
  if (refusal) return refusal;
  const request = {
    ctx,
    service,
    serviceType,
    rest: rest.slice(typeIndex + 1),
    serviceUrl: `${ctx.state.baseUrl}/arcgis/rest/services/${service.name}/${serviceType}`,
  };
  for (const route of SERVICE_ROUTES) {
    const reply = await route(request);
    if (reply) return reply;
  }
  return errorReply(400, "Requested operation is not supported by this service.", [], ctx.params);
};
