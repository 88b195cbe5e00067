export { ArcGISRequestError, type ArcGISRequestErrorInit } from "./arcgis-request-error.js";
export { ArcGISAuthError } from "./arcgis-auth-error.js";
export { ArcGISTimeoutError } from "./arcgis-timeout-error.js";
export { ArcGISNetworkError } from "./arcgis-network-error.js";
export { ValidationError } from "./validation-error.js";
