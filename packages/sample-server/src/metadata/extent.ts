import type { SampleExtent, SampleFeature, SampleGeometry, SampleLayer } from "../data/types.js";
import { spatialReferenceJson, type SpatialReferenceJson } from "./spatial-reference.js";

/** Envelope JSON with its spatial reference. */
export interface ExtentJson extends SampleExtent {
  spatialReference: SpatialReferenceJson;
}

/** Bounding box of features' geometries, or undefined when none has coordinates. */
export function featuresExtent(features: Iterable<SampleFeature>): SampleExtent | undefined {
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  const add = (x: number, y: number): void => {
    if (x < xmin) xmin = x;
    if (x > xmax) xmax = x;
    if (y < ymin) ymin = y;
    if (y > ymax) ymax = y;
  };
  for (const feature of features) {
    if (feature.geometry) forEachCoordinate(feature.geometry, add);
  }
  return xmin <= xmax ? { xmin, ymin, xmax, ymax } : undefined;
}

/** Calls `visit` for every vertex of a geometry. */
export function forEachCoordinate(geometry: SampleGeometry, visit: (x: number, y: number) => void): void {
  if ("x" in geometry) visit(geometry.x, geometry.y);
  else if ("points" in geometry) for (const p of geometry.points) visit(p[0], p[1]);
  else if ("paths" in geometry) for (const path of geometry.paths) for (const p of path) visit(p[0], p[1]);
  else for (const ring of geometry.rings) for (const p of ring) visit(p[0], p[1]);
}

/** The extent a layer advertises: its lazy source's, else computed from its features; a default for empty layers. */
export function layerExtent(layer: SampleLayer): ExtentJson {
  const box = layer.lazy?.extent ?? featuresExtent(layer.features) ?? emptyExtent(layer.wkid);
  return { ...box, spatialReference: spatialReferenceJson(layer.wkid) };
}

/** Union of layer extents in the first layer's spatial reference (service full extent). */
export function unionExtent(extents: ExtentJson[], wkid: number): ExtentJson {
  if (extents.length === 0) return { ...emptyExtent(wkid), spatialReference: spatialReferenceJson(wkid) };
  return {
    xmin: Math.min(...extents.map((e) => e.xmin)),
    ymin: Math.min(...extents.map((e) => e.ymin)),
    xmax: Math.max(...extents.map((e) => e.xmax)),
    ymax: Math.max(...extents.map((e) => e.ymax)),
    spatialReference: spatialReferenceJson(wkid),
  };
}

/** The extent an empty layer reports (the contiguous US, in the layer's SR). */
function emptyExtent(wkid: number): SampleExtent {
  return wkid === 4326
    ? { xmin: -125, ymin: 24, xmax: -66, ymax: 50 }
    : { xmin: -13914936.35, ymin: 2753408.11, xmax: -7347086.39, ymax: 6446275.84 };
}
