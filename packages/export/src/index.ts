/**
 * `@arcrest/export`: streaming writers for GeoJSON, newline-delimited GeoJSON,
 * shapefile, KML/KMZ and CSV. Browser-safe: bytes come out as async iterables
 * (or web streams); file helpers live in `@arcrest/export/node`.
 *
 * Every name is listed here on purpose; what is not listed is internal.
 *
 * @packageDocumentation
 */
export { ExportError, ExportValidationError, FileSizeLimitError, DestinationExistsError, ExportAbortedError } from "./errors.js";
export type {
  ExportAttributeValue,
  ExportFeature,
  FeatureIterable,
  FeatureSource,
  ExportWarning,
  WarningHandler,
  WriterOptions,
} from "./types.js";
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
export type { DateTimeCompanion } from "./shapefile/dbf-columns.js";
export { ShapeType, type ShapeTypeCode } from "./shapefile/shape-types.js";
export { writeGeoJSON, writeGeoJSONLines, type GeoJSONOptions } from "./geojson/geojson-writer.js";
export { writeCSV, type CsvOptions, type CsvGeometry } from "./csv/csv-writer.js";
export { writeKML, writeKMZ, type KmlOptions } from "./kml/kml-writer.js";
export { clipGeometry, ClipRegion, type ClipGeometryOptions } from "./clip/clip-geometry.js";
