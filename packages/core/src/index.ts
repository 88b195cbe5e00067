/**
 * `@arcrest/core`: the request pipeline, errors, authentication, geometry and
 * catalog handles every other `@arcrest/*` package builds on.
 *
 * @packageDocumentation
 */
export type * from "./types/esri-json.js";
export type * from "./request/types.js";
export * from "./request/index.js";
export * from "./errors/index.js";
export * from "./auth/index.js";
export * from "./geometry/index.js";
export * from "./catalog/index.js";
export * from "./dates.js";
