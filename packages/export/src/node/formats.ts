import { extname } from "node:path";
import { ExportValidationError } from "../errors.js";

/** File formats `exportLayer` writes. */
export type ExportFormat = "geojson" | "geojsonl" | "shapefile" | "shapefile-zip" | "kml" | "kmz" | "csv" | "gpkg";

const BY_EXTENSION: Record<string, ExportFormat> = {
  ".geojson": "geojson",
  ".json": "geojson",
  ".geojsonl": "geojsonl",
  ".geojsons": "geojsonl",
  ".ndjson": "geojsonl",
  ".shp": "shapefile",
  ".zip": "shapefile-zip",
  ".kml": "kml",
  ".kmz": "kmz",
  ".csv": "csv",
  ".gpkg": "gpkg",
};

/** The format for a destination path, from its extension (case-insensitive). */
export function formatFromPath(destination: string): ExportFormat {
  const extension = extname(destination).toLowerCase();
  const format = BY_EXTENSION[extension];
  if (!format) {
    throw new ExportValidationError(
      `Cannot tell the format of ${destination}: use one of ${Object.keys(BY_EXTENSION).join(" ")} or pass { format }`,
      "destination",
    );
  }
  return format;
}

/** Whether a format needs WGS84 coordinates (so a query can ask the server for them). */
export function formatWantsWgs84(format: ExportFormat): boolean {
  return format === "geojson" || format === "geojsonl" || format === "kml" || format === "kmz";
}
