import type { SpatialReference } from "../types/esri-json.js";
import type { GeoJSONNamedCrs } from "./geojson-types.js";

/**
 * The spatial reference named by an old-style GeoJSON `crs` member
 * (`EPSG:3857`, `urn:ogc:def:crs:EPSG::3857`, `urn:ogc:def:crs:OGC:1.3:CRS84`),
 * or `undefined` when there is none or it cannot be read.
 */
export function spatialReferenceFromCrs(crs: GeoJSONNamedCrs | null | undefined): SpatialReference | undefined {
  const name = crs?.properties?.name;
  if (typeof name !== "string") return undefined;
  if (/CRS84$/i.test(name)) return { wkid: 4326 };
  const match = /(?:EPSG|ESRI)[:/]+(?:[\d.]*[:/]+)?(\d+)$/i.exec(name);
  return match ? { wkid: Number(match[1]) } : undefined;
}
