/**
 * `@arcrest/core/node`: what needs Node's file system. `Geometry` here is the
 * core class with `Geometry.fromFile()`; the shapefile reader works on its own too;
 * `writeFileAtomic` writes a file complete or not at all.
 *
 * @module
 */
export { Geometry } from "./geometry-from-file.js";
export {
  openShapefile,
  readShapefile,
  readFirstFeature,
  type Shapefile,
  type ShapefileFeature,
  type ShapefileHeader,
  type ShapefileBBox,
} from "./read-shapefile.js";
export type { DbfField } from "./read-dbf.js";
export { spatialReferenceFromPrj } from "./read-prj.js";
export { writeFileAtomic } from "./write-file-atomic.js";
