import { ArcGISRequestError } from "./arcgis-request-error.js";

/**
 * The server refused the request for lack of valid credentials: token required
 * (499), invalid or expired token (498), no permission (403) or a failed sign-in.
 */
export class ArcGISAuthError extends ArcGISRequestError {
  override name = "ArcGISAuthError";
}
