/**
 * `@arcrest/core`: the request pipeline, errors, authentication, geometry and
 * catalog handles every other `@arcrest/*` package builds on.
 *
 * The public names are listed one by one in `public/*.ts`; what is not listed there is
 * internal. Helpers other `@arcrest/*` packages share live in `@arcrest/core/internal`.
 *
 * @packageDocumentation
 */
// Star re-exports of the curated lists in public/: esbuild's code splitting binds through
// `export *` to the defining modules, but puts a root barrel of named re-exports (and all it
// names) in the chunk shared with lazy chunks, moving geometry into query's up-front chunk.
export type * from "./public/esri-json.js";
export * from "./public/request.js";
export * from "./public/errors.js";
export * from "./public/auth.js";
export * from "./public/geometry.js";
export * from "./public/catalog.js";
export * from "./public/dates.js";
