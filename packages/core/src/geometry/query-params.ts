import type { EsriEnvelope, EsriGeometry, EsriPoint, GeometryType, SpatialReference } from "../types/esri-json.js";

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
 * Builds the spatial-filter parameters of a query from a normalized Esri JSON
 * geometry (without its spatial reference) and the spatial reference.
 *
 * @param geometry - normalized Esri JSON geometry
 * @param geometryType - its type
 * @param spatialReference - its spatial reference, when known
 */
export function toQueryParams(geometry: EsriGeometry, geometryType: GeometryType, spatialReference?: SpatialReference): GeometryQueryParams {
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
