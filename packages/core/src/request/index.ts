export { request, MAX_REDIRECTS } from "./request.js";
export { MAX_GET_URL_LENGTH } from "./prepare-request.js";
export { serializeParam, serializeParams, type SerializedParams, type SerializedValue } from "./serialize-params.js";
export { errorFromBody, type ResponseContext } from "./parse-error.js";
export { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
export type { HttpMethod, RequestKind, ParamValue, Progress, CallOptions, RequestOptions } from "./types.js";
