import type { EsriGeometry } from "@arcrest/core";

/**
 * The `SHAPE@XY` of a geometry, as arcpy gives it: the point itself, the mean of
 * a multipoint, the length-weighted midpoint of a polyline's segments, the
 * area-weighted centroid of a polygon (holes subtract, since their rings run the
 * other way), the centre of an envelope. `null` for empty geometries.
 */
export function centroidXY(geometry: EsriGeometry | null | undefined): [number, number] | null {
  if (!geometry) return null;
  if ("x" in geometry && "y" in geometry && !("xmin" in geometry)) {
    return Number.isFinite(geometry.x) && Number.isFinite(geometry.y) ? [geometry.x, geometry.y] : null;
  }
  if ("xmin" in geometry && "xmax" in geometry) return [(geometry.xmin + geometry.xmax) / 2, (geometry.ymin + geometry.ymax) / 2];
  if ("points" in geometry) {
    const pts = geometry.points;
    if (pts.length === 0) return null;
    let sx = 0;
    let sy = 0;
    for (const p of pts) {
      sx += p[0];
      sy += p[1];
    }
    return [sx / pts.length, sy / pts.length];
  }
  if ("paths" in geometry) {
    let total = 0;
    let sx = 0;
    let sy = 0;
    for (const path of geometry.paths) {
      for (let i = 1; i < path.length; i++) {
        const [x0, y0] = path[i - 1];
        const [x1, y1] = path[i];
        const len = Math.hypot(x1 - x0, y1 - y0);
        total += len;
        sx += ((x0 + x1) / 2) * len;
        sy += ((y0 + y1) / 2) * len;
      }
    }
    if (total === 0) {
      const first = geometry.paths.find((p) => p.length > 0)?.[0];
      return first ? [first[0], first[1]] : null;
    }
    return [sx / total, sy / total];
  }
  if ("rings" in geometry) {
    let area2 = 0;
    let cx = 0;
    let cy = 0;
    for (const ring of geometry.rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[i + 1];
        const cross = x0 * y1 - x1 * y0;
        area2 += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
    }
    if (area2 === 0) {
      const first = geometry.rings.find((r) => r.length > 0)?.[0];
      return first ? [first[0], first[1]] : null;
    }
    return [cx / (3 * area2), cy / (3 * area2)];
  }
  return null;
}
