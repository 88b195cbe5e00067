import type { RequestContext } from "../context.js";
import type { ServiceType } from "../data/lookup.js";
import type { SampleService } from "../data/types.js";
import type { Reply } from "../http/reply.js";

/** A request addressed to a service: `/arcgis/rest/services/<name>/<type>/<rest...>`. */
export interface ServiceRequest {
  ctx: RequestContext;
  service: SampleService;
  /** The type in the URL (a MapServer with feature access is reachable as both). */
  serviceType: ServiceType;
  /** Segments after the type, e.g. ["0", "query"]. */
  rest: string[];
  /** Absolute URL of the service, e.g. "http://127.0.0.1:PORT/arcgis/rest/services/ahps_gauges/MapServer". */
  serviceUrl: string;
}

/** A handler for operations of a service: answers, or returns undefined to let the next one try. */
export type ServiceRoute = (req: ServiceRequest) => Reply | undefined | Promise<Reply | undefined>;
