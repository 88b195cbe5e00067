/**
 * Everything of query that needs the geometry readers of `@arcrest/core`, behind one
 * dynamic `import()`: bundlers then make a single chunk, fetched on first use of a
 * spatial filter or a `SHAPE@` cursor column, instead of several small shared ones.
 * @internal
 */
export { spatialFilterParams } from "./params/geometry-filter-params.js";
export { shapeOf } from "./cursor/shape.js";
