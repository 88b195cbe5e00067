/** Reading the `geometry` query parameter: Esri JSON of any type, or the "x,y" and "xmin,ymin,xmax,ymax" short forms. */
import { invalidParameter } from "../errors.js";
import { boxShape, makeShape, type Shape, type XY } from "./shape.js";

/** The geometry types the `geometryType` parameter names. */
export type QueryGeometryType =
  | "esriGeometryEnvelope"
  | "esriGeometryPoint"
  | "esriGeometryMultipoint"
  | "esriGeometryPolyline"
  | "esriGeometryPolygon";

const TYPES = new Set<string>([
  "esriGeometryEnvelope",
  "esriGeometryPoint",
  "esriGeometryMultipoint",
  "esriGeometryPolyline",
  "esriGeometryPolygon",
]);

/** A parsed query geometry with the spatial reference it carried, if any. */
export interface ParsedGeometry {
  shape: Shape;
  spatialReference: unknown;
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function position(value: unknown): XY {
  if (!Array.isArray(value) || value.length < 2 || !isNumber(value[0]) || !isNumber(value[1])) {
    throw invalidParameter("geometry", `invalid coordinate ${JSON.stringify(value)}`);
  }
  return [value[0], value[1]];
}

function positions(value: unknown, what: string): XY[] {
  if (!Array.isArray(value)) throw invalidParameter("geometry", `${what} must be an array of coordinates`);
  return value.map(position);
}

function parts(value: unknown, what: string): XY[][] {
  if (!Array.isArray(value) || value.length === 0) throw invalidParameter("geometry", `${what} must be a non-empty array`);
  return value.map((part) => positions(part, what));
}

/** Validates a geometryType parameter value (default esriGeometryEnvelope). */
export function parseGeometryType(value: string | undefined): QueryGeometryType {
  if (value === undefined) return "esriGeometryEnvelope";
  if (!TYPES.has(value)) throw invalidParameter("geometryType", `'${value}' is not a geometry type`);
  return value as QueryGeometryType;
}

/** Parses the geometry parameter text for the given geometry type. */
export function parseQueryGeometry(text: string, type: QueryGeometryType): ParsedGeometry {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) {
    const numbers = trimmed.split(",").map((s) => Number(s.trim()));
    if (numbers.some((n) => !Number.isFinite(n))) throw invalidParameter("geometry", `'${trimmed}' is not a geometry`);
    if (type === "esriGeometryPoint" && numbers.length === 2) {
      return { shape: makeShape([[numbers[0], numbers[1]]], [], []), spatialReference: undefined };
    }
    if (type === "esriGeometryEnvelope" && numbers.length === 4) {
      const [xmin, ymin, xmax, ymax] = numbers;
      return { shape: envelope(xmin, ymin, xmax, ymax), spatialReference: undefined };
    }
    throw invalidParameter("geometry", `'${trimmed}' is not a short-form ${type}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed) as unknown;
  } catch {
    throw invalidParameter("geometry", "not valid JSON");
  }
  if (!json || typeof json !== "object") throw invalidParameter("geometry", "not a geometry object");
  const g = json as Record<string, unknown>;
  const spatialReference = g.spatialReference;
  switch (type) {
    case "esriGeometryEnvelope":
      if (![g.xmin, g.ymin, g.xmax, g.ymax].every(isNumber)) throw invalidParameter("geometry", "an envelope needs numeric xmin, ymin, xmax, ymax");
      return { shape: envelope(g.xmin as number, g.ymin as number, g.xmax as number, g.ymax as number), spatialReference };
    case "esriGeometryPoint":
      if (!isNumber(g.x) || !isNumber(g.y)) throw invalidParameter("geometry", "a point needs numeric x and y");
      return { shape: makeShape([[g.x, g.y]], [], []), spatialReference };
    case "esriGeometryMultipoint": {
      const points = positions(g.points, "points");
      if (points.length === 0) throw invalidParameter("geometry", "a multipoint needs points");
      return { shape: makeShape(points, [], []), spatialReference };
    }
    case "esriGeometryPolyline":
      return { shape: makeShape([], parts(g.paths, "paths"), []), spatialReference };
    case "esriGeometryPolygon":
      return { shape: makeShape([], [], parts(g.rings, "rings")), spatialReference };
  }
}

function envelope(xmin: number, ymin: number, xmax: number, ymax: number): Shape {
  return boxShape({
    xmin: Math.min(xmin, xmax),
    ymin: Math.min(ymin, ymax),
    xmax: Math.max(xmin, xmax),
    ymax: Math.max(ymin, ymax),
  });
}
