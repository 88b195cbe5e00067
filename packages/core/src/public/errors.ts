/** The public names of `@arcrest/core`: Errors. Listed one by one; what is not here is internal. */
export {
  ArcGISRequestError,
  ArcGISAuthError,
  ArcGISTimeoutError,
  ArcGISNetworkError,
  ValidationError,
  type ArcGISRequestErrorInit,
} from "../errors/index.js";
