import { normalizeEsriGeometry } from "@arcrest/core/internal";
import { type EsriEnvelope, type EsriGeometry, type FeatureGeometryLike, type EsriMultipoint, type EsriPoint, type EsriPolygon, type EsriPolyline, type Position } from "@arcrest/core";
import { geometryTypeOf } from "../input/geometry-info.js";
import { clipPaths } from "./clip-line.js";
import { clipRings } from "./clip-polygon.js";
import { ClipRegion } from "./clip-region.js";

/** Z/M flags to assume for geometries that carry none (the layer's `hasZ`/`hasM`). */
export interface ClipGeometryOptions {
  /** Positions carry z. */
  hasZ?: boolean;
  /** Positions carry m. */
  hasM?: boolean;
}

function flags(g: EsriGeometry): Pick<EsriGeometry, "hasZ" | "hasM" | "spatialReference"> {
  return {
    ...(g.hasZ ? { hasZ: true } : {}),
    ...(g.hasM ? { hasM: true } : {}),
    ...(g.spatialReference ? { spatialReference: g.spatialReference } : {}),
  };
}

/**
 * Cuts a geometry to a polygon: points and multipoints keep what lies inside
 * (boundary included), polylines keep their pieces inside with z/m interpolated
 * at the cuts, polygons become their intersection with the clip polygon (holes
 * and multiple parts handled on both sides). Coordinates must be in the clip
 * polygon's spatial reference. Returns `null` when nothing is left.
 *
 * @param geometry - the geometry to cut
 * @param clip - the clip polygon, or a {@link ClipRegion} prepared once for many geometries
 */
export function clipGeometry(
  geometry: FeatureGeometryLike | null | undefined,
  clip: EsriPolygon | EsriEnvelope | ClipRegion,
  options: ClipGeometryOptions = {},
): EsriGeometry | null {
  if (!geometry || !geometryTypeOf(geometry)) return null;
  const region = clip instanceof ClipRegion ? clip : new ClipRegion(clip);
  const g = normalizeEsriGeometry(geometry, options);
  const dims = 2 + (g.hasZ ? 1 : 0) + (g.hasM ? 1 : 0);
  switch (geometryTypeOf(g)) {
    case "esriGeometryPoint": {
      const p = g as EsriPoint;
      return Number.isFinite(p.x) && region.covers([p.x, p.y]) ? g : null;
    }
    case "esriGeometryMultipoint": {
      const points = (g as EsriMultipoint).points.filter((p) => region.covers(p));
      return points.length > 0 ? { points, ...flags(g) } : null;
    }
    case "esriGeometryPolyline": {
      const paths = clipPaths((g as EsriPolyline).paths, region);
      return paths.length > 0 ? { paths, ...flags(g) } : null;
    }
    case "esriGeometryPolygon": {
      const rings = clipRings((g as EsriPolygon).rings, region, dims);
      return rings.length > 0 ? { rings, ...flags(g) } : null;
    }
    case "esriGeometryEnvelope": {
      const e = g as EsriEnvelope;
      if (!Number.isFinite(e.xmin)) return null;
      const ring: Position[] = [[e.xmin, e.ymin], [e.xmin, e.ymax], [e.xmax, e.ymax], [e.xmax, e.ymin], [e.xmin, e.ymin]];
      const rings = clipRings([ring], region, 2);
      return rings.length > 0 ? { rings, ...(g.spatialReference ? { spatialReference: g.spatialReference } : {}) } : null;
    }
    default:
      return null;
  }
}

export { ClipRegion };
