/** The spatial part of a query: geometry + geometryType + inSR + spatialRel (+ distance/units) as a feature test. */
import type { SampleGeometry, SampleLayer } from "../../data/types.js";
import { invalidParameter } from "../errors.js";
import type { QueryParams } from "../params.js";
import { toGeographic, toWebMercator, transformBetween } from "../projection.js";
import { canonicalWkid, type KnownWkid, wkidFromValue } from "../spatial-reference.js";
import { parseGeometryType, parseQueryGeometry } from "./parse-geometry.js";
import { contains, distance, intersects, pointTouches } from "./relate.js";
import { type Box, boxesIntersect, mapShape, type Shape, shapeOf, type XY } from "./shape.js";

/** A compiled spatial filter over stored geometries (in the layer's spatial reference). */
export interface SpatialFilter {
  /** Box every selected geometry's box meets (in the layer's spatial reference). */
  box: Box;
  test: (geometry: SampleGeometry | null) => boolean;
}

const EARTH_RADIUS = 6378137;
const DEG = Math.PI / 180;

/** Metres per unit for the `units` parameter (names and esriSRUnit codes). */
const UNIT_METRES: Record<string, number> = {
  esrisrunit_meter: 1,
  "9001": 1,
  esrisrunit_kilometer: 1000,
  "9036": 1000,
  esrisrunit_foot: 0.3048,
  "9002": 0.3048,
  esrisrunit_internationalfoot: 0.3048,
  esrisrunit_surveyfoot: 1200 / 3937,
  "9003": 1200 / 3937,
  esrisrunit_statutemile: 1609.344,
  "9093": 1609.344,
  esrisrunit_nauticalmile: 1852,
  "9030": 1852,
};

/** The wkid a layer stores its geometries in. */
export function layerWkid(layer: SampleLayer): KnownWkid {
  return canonicalWkid(layer.wkid) ?? 4326;
}

function projectShape(shape: Shape, from: KnownWkid, to: KnownWkid): Shape {
  const transform = transformBetween(from, to);
  return transform ? mapShape(shape, transform) : shape;
}

/** Reads the spatial parameters; null when the query has no geometry (or the layer none). */
export function buildSpatialFilter(layer: SampleLayer, params: QueryParams): SpatialFilter | null {
  const text = params.text("geometry");
  if (text === undefined || !layer.geometryType) return null;
  const type = parseGeometryType(params.text("geometryType"));
  const parsed = parseQueryGeometry(text, type);
  const inSRText = params.text("inSR");
  const storage = layerWkid(layer);
  const inWkid =
    inSRText !== undefined
      ? wkidFromValue(inSRText, "inSR")
      : parsed.spatialReference !== undefined && parsed.spatialReference !== null
        ? wkidFromValue(parsed.spatialReference, "geometry")
        : storage;
  const query = projectShape(parsed.shape, inWkid, storage);
  const relation = (params.text("spatialRel") ?? "esriSpatialRelIntersects").toLowerCase();

  const distanceValue = params.number("distance");
  if (distanceValue !== undefined && distanceValue > 0) {
    const unitText = (params.text("units") ?? "esriSRUnit_Meter").toLowerCase();
    const metresPerUnit = UNIT_METRES[unitText];
    if (metresPerUnit === undefined) throw invalidParameter("units", `'${params.text("units")}' is not a supported unit`);
    return distanceFilter(query, storage, distanceValue * metresPerUnit);
  }

  switch (relation) {
    case "esrispatialrelintersects":
      return { box: query.box, test: (g) => relates(g, query, "intersects") };
    case "esrispatialrelenvelopeintersects":
    case "esrispatialrelindexintersects":
      return {
        box: query.box,
        test: (g) => {
          const shape = shapeOf(g);
          return shape !== null && boxesIntersect(shape.box, query.box);
        },
      };
    case "esrispatialrelcontains":
      // The query geometry contains the feature.
      return { box: query.box, test: (g) => relates(g, query, "contains") };
    case "esrispatialrelwithin":
      // The query geometry lies within the feature.
      return { box: query.box, test: (g) => relates(g, query, "within") };
    default:
      throw invalidParameter("spatialRel", `'${params.text("spatialRel")}' is not supported`);
  }
}

function relates(geometry: SampleGeometry | null, query: Shape, relation: "intersects" | "contains" | "within"): boolean {
  if (!geometry) return false;
  // Points are by far the commonest features: test them without building a shape.
  if ("x" in geometry && relation !== "within") {
    const p: XY = [geometry.x, geometry.y];
    return pointTouches(p, query);
  }
  const shape = shapeOf(geometry);
  if (!shape || !boxesIntersect(shape.box, query.box)) return false;
  if (relation === "intersects") return intersects(query, shape);
  if (relation === "contains") return contains(query, shape);
  return contains(shape, query);
}

/** Features within `metres` of the query shape, measured on a local equirectangular plane. */
function distanceFilter(query: Shape, storage: KnownWkid, metres: number): SpatialFilter {
  const geographic = storage === 4326 ? query : mapShape(query, toGeographic);
  const lon0 = (geographic.box.xmin + geographic.box.xmax) / 2;
  const lat0 = (geographic.box.ymin + geographic.box.ymax) / 2;
  const cosLat = Math.max(Math.cos(lat0 * DEG), 1e-6);
  const toLocal = (lon: number, lat: number): XY => [(lon - lon0) * cosLat * EARTH_RADIUS * DEG, (lat - lat0) * EARTH_RADIUS * DEG];
  const localQuery = mapShape(geographic, toLocal);
  // Generous prefilter box in degrees (10% margin for the plane approximation), then in storage units.
  const dLat = (metres * 1.1) / (EARTH_RADIUS * DEG);
  const dLon = Math.min(360, dLat / Math.max(Math.cos(Math.min(89.9, Math.abs(lat0) + dLat) * DEG), 1e-6));
  let box: Box = {
    xmin: geographic.box.xmin - dLon,
    ymin: Math.max(-90, geographic.box.ymin - dLat),
    xmax: geographic.box.xmax + dLon,
    ymax: Math.min(90, geographic.box.ymax + dLat),
  };
  if (storage === 3857) {
    const [xmin, ymin] = toWebMercator(box.xmin, box.ymin);
    const [xmax, ymax] = toWebMercator(box.xmax, box.ymax);
    box = { xmin, ymin, xmax, ymax };
  }
  return {
    box,
    test: (g) => {
      const shape = shapeOf(g);
      if (!shape || !boxesIntersect(shape.box, box)) return false;
      const geo = storage === 4326 ? shape : mapShape(shape, toGeographic);
      return distance(localQuery, mapShape(geo, toLocal)) <= metres;
    },
  };
}
