import type { EsriEnvelope, EsriGeometry, EsriPoint, GeometryType, SpatialReference } from "../types/esri-json.js";
import { GeometryError } from "./errors.js";
import type { GeometryInput } from "./geometry.js";
import { isEmptyGeometry, readGeometry, withSpatialReference, type GeometryParts } from "./read-geometry.js";

/** The spatial-filter parameters of a layer query (`geometry`, `geometryType`, `inSR`). */
export interface GeometryQueryParams {
  /** The geometry: Esri JSON, or the short form `"x,y"` / `"xmin,ymin,xmax,ymax"`. */
  geometry: string;
  /** Its `esriGeometry*` type. */
  geometryType: GeometryType;
  /** Its spatial reference: the wkid, or the JSON of `{ wkt }`; absent when unknown (the server then assumes the layer's). */
  inSR?: number | string;
}

/**
 * The spatial-filter parameters of a query for any {@link GeometryInput}: what
 * `new Geometry(input).toQueryParams()` gives, without loading the `Geometry` class and the
 * conversions its other methods need. A query's spatial filter needs only this.
 *
 * @param input - the filter geometry, in any form `Geometry` accepts
 * @param spatialReference - spatial reference of coordinates that carry none (`[x, y]`, bboxes, bare Esri JSON)
 * @throws GeometryError when the input is not a geometry, or is empty
 */
export function geometryQueryParams(input: GeometryInput, spatialReference?: SpatialReference | number): GeometryQueryParams {
  let parts = readGeometry(input);
  if (!parts.spatialReference && spatialReference !== undefined) parts = withSpatialReference(parts, spatialReference);
  return toQueryParams(parts);
}

/**
 * Builds the spatial-filter parameters of a query from a geometry's parts; points and
 * envelopes without Z/M use the short forms `"x,y"` and `"xmin,ymin,xmax,ymax"`.
 *
 * @throws GeometryError when the geometry is empty
 */
export function toQueryParams(parts: GeometryParts): GeometryQueryParams {
  const { esri: geometry, geometryType, spatialReference } = parts;
  if (isEmptyGeometry(parts)) throw new GeometryError("an empty geometry cannot be used as a spatial filter", geometry);
  const out: GeometryQueryParams = { geometry: shortForm(geometry, geometryType) ?? JSON.stringify(geometry), geometryType };
  if (spatialReference?.wkid !== undefined) out.inSR = spatialReference.wkid;
  else if (spatialReference?.wkt !== undefined) out.inSR = JSON.stringify({ wkt: spatialReference.wkt });
  return out;
}

function shortForm(geometry: EsriGeometry, type: GeometryType): string | undefined {
  if (type === "esriGeometryPoint") {
    const p = geometry as EsriPoint;
    return p.z === undefined && p.m === undefined ? `${p.x},${p.y}` : undefined;
  }
  if (type === "esriGeometryEnvelope") {
    const e = geometry as EsriEnvelope;
    return e.zmin === undefined && e.mmin === undefined ? `${e.xmin},${e.ymin},${e.xmax},${e.ymax}` : undefined;
  }
  return undefined;
}
