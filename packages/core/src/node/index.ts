/**
 * `@arcrest/core/node`: what needs Node's file system. `Geometry` here is the
 * core class with `Geometry.fromFile()`; the shapefile reader works on its own too.
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
export { readShapeRecord } from "./read-shape-record.js";
export { spatialReferenceFromPrj } from "./read-prj.js";
export { parseDbfHeader, readDbfRecord, dbfEncoding, type DbfField, type DbfHeader } from "./read-dbf.js";
export { SHAPE_TYPES, NO_DATA_M, type ShapeTypeInfo } from "./shape-types.js";
