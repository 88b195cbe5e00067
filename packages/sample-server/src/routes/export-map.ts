import type { ServiceRoute } from "./service-context.js";
import { exportMap } from "../image/export-map.js";

/** `<name>/MapServer/export`: a rendered map image (f=image) or its description (f=json). */
export const exportMapRoute: ServiceRoute = (request) => {
  const { serviceType, rest } = request;
  if (serviceType !== "MapServer" || rest.length !== 1 || rest[0].toLowerCase() !== "export") return undefined;
  return exportMap(request);
};
