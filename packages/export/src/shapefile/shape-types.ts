import type { GeometryType } from "@arcrest/core";

/** Shape type codes of the ESRI Shapefile Technical Description (1998). */
export const ShapeType = {
  Null: 0,
  Point: 1,
  PolyLine: 3,
  Polygon: 5,
  MultiPoint: 8,
  PointZ: 11,
  PolyLineZ: 13,
  PolygonZ: 15,
  MultiPointZ: 18,
  PointM: 21,
  PolyLineM: 23,
  PolygonM: 25,
  MultiPointM: 28,
} as const;

/** A shape type code. */
export type ShapeTypeCode = (typeof ShapeType)[keyof typeof ShapeType];

/** The shape type for a layer's geometry type and z/m flags (`Null` for tables). */
export function shapeTypeFor(geometryType: GeometryType | undefined, hasZ: boolean, hasM: boolean): ShapeTypeCode {
  let base: number;
  switch (geometryType) {
    case "esriGeometryPoint":
      base = ShapeType.Point;
      break;
    case "esriGeometryMultipoint":
      base = ShapeType.MultiPoint;
      break;
    case "esriGeometryPolyline":
      base = ShapeType.PolyLine;
      break;
    case "esriGeometryPolygon":
    case "esriGeometryEnvelope":
      base = ShapeType.Polygon;
      break;
    default:
      return ShapeType.Null;
  }
  return (hasZ ? base + 10 : hasM ? base + 20 : base) as ShapeTypeCode;
}
