/** The public names of `@arcrest/core`: The request pipeline. Listed one by one; what is not here is internal. */
export { request } from "../request/index.js";
export type { HttpMethod, RequestKind, ParamValue, Progress, CallOptions, RequestOptions } from "../request/types.js";
export type { RetryPolicy } from "../request/retry-policy.js";
