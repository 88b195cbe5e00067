import type { GeometryType } from "../types/esri-json.js";

/** What a shapefile shape type code means. */
export interface ShapeTypeInfo {
  /** The matching Esri geometry type; `null` for the null shape. */
  geometryType: GeometryType | null;
  /** Z values (and optional M) follow the x/y. */
  hasZ: boolean;
  /** M values follow the x/y (they are optional in Z types). */
  hasM: boolean;
}

/** Shape type codes of the ESRI Shapefile Technical Description (1998) that are read; 31 (MultiPatch) is not. */
export const SHAPE_TYPES: ReadonlyMap<number, ShapeTypeInfo> = new Map([
  [0, { geometryType: null, hasZ: false, hasM: false }],
  [1, { geometryType: "esriGeometryPoint", hasZ: false, hasM: false }],
  [3, { geometryType: "esriGeometryPolyline", hasZ: false, hasM: false }],
  [5, { geometryType: "esriGeometryPolygon", hasZ: false, hasM: false }],
  [8, { geometryType: "esriGeometryMultipoint", hasZ: false, hasM: false }],
  [11, { geometryType: "esriGeometryPoint", hasZ: true, hasM: true }],
  [13, { geometryType: "esriGeometryPolyline", hasZ: true, hasM: true }],
  [15, { geometryType: "esriGeometryPolygon", hasZ: true, hasM: true }],
  [18, { geometryType: "esriGeometryMultipoint", hasZ: true, hasM: true }],
  [21, { geometryType: "esriGeometryPoint", hasZ: false, hasM: true }],
  [23, { geometryType: "esriGeometryPolyline", hasZ: false, hasM: true }],
  [25, { geometryType: "esriGeometryPolygon", hasZ: false, hasM: true }],
  [28, { geometryType: "esriGeometryMultipoint", hasZ: false, hasM: true }],
] satisfies [number, ShapeTypeInfo][]);

/** M values below this mean "no data" (the specification says less than -10^38). */
export const NO_DATA_M = -1e38;
