import { ArcGISRequestError } from "./arcgis-request-error.js";

/** The server could not be reached or dropped the connection before answering. */
export class ArcGISNetworkError extends ArcGISRequestError {
  override name = "ArcGISNetworkError";
}
