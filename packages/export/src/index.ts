/**
 * `@arcrest/export`: streaming writers for GeoJSON, newline-delimited GeoJSON,
 * shapefile, KML/KMZ and CSV. Browser-safe: bytes come out as async iterables
 * (or web streams); file helpers live in `@arcrest/export/node`.
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export type * from "./types.js";
export { type ByteSink, MemorySink } from "./bytes/byte-sink.js";
export { toReadableStream, collectBytes } from "./bytes/streams.js";
export type { Column, ColumnKind } from "./values/columns.js";
export {
  writeShapefile,
  SHAPEFILE_MAX_BYTES,
  type ShapefileOptions,
  type ShapefilePart,
  type ShapefileSinkFactory,
  type ShapefileResult,
  type ShapefileField,
} from "./shapefile/shapefile-writer.js";
export { shapefileToBytes, shapefileToZip, type ShapefileBytes, type ShapefileZipOptions } from "./shapefile/shapefile-bytes.js";
export { builtInPrj, type PrjResolver } from "./shapefile/prj.js";
export { dbfFieldNames } from "./shapefile/field-names.js";
export type { DateTimeCompanion } from "./shapefile/dbf-columns.js";
export { ShapeType, type ShapeTypeCode } from "./shapefile/shape-types.js";
export { writeGeoJSON, writeGeoJSONLines, type GeoJSONOptions } from "./geojson/geojson-writer.js";
export { writeCSV, csvField, type CsvOptions, type CsvGeometry } from "./csv/csv-writer.js";
export { toWkt } from "./csv/wkt.js";
export { writeKML, writeKMZ, type KmlOptions } from "./kml/kml-writer.js";
export { escapeXml } from "./kml/xml.js";
export { zipStream, type ZipEntry } from "./zip/zip-stream.js";
export { clipGeometry, ClipRegion, type ClipGeometryOptions } from "./clip/clip-geometry.js";
export { prepareSource, type PreparedSource, type PrepareOptions } from "./input/prepare-source.js";
