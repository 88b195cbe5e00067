/**
 * `@arcrest/image/node`: clips and exports written straight to a GeoTIFF file (atomically), with
 * memory bounded by one row of tiles whatever the output size.
 *
 * @packageDocumentation
 */
export { clipToFile, exportImageToFile, type ImageFileOptions } from "./to-file.js";
