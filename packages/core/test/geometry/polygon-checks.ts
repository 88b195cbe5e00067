import { expect } from "vitest";
import type { GeoJSONGeometry, GeoJSONPosition } from "../../src/geometry/index.js";

/** Shoelace area written again here (not imported) so the check does not reuse the code under test. */
function signedArea(ring: GeoJSONPosition[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

function strictlyInside(p: GeoJSONPosition, ring: GeoJSONPosition[]): boolean | undefined {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    const cross = (xj - xi) * (p[1] - yi) - (yj - yi) * (p[0] - xi);
    const onEdge = cross === 0 && p[0] >= Math.min(xi, xj) && p[0] <= Math.max(xi, xj) && p[1] >= Math.min(yi, yj) && p[1] <= Math.max(yi, yj);
    if (onEdge) return undefined;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Checks RFC 7946 rules on a GeoJSON (multi)polygon: closed rings of 4+
 * positions, exteriors counter-clockwise, holes clockwise, each hole inside its
 * exterior (judged by its vertices that are not on the exterior's boundary).
 */
export function checkGeoJSONPolygonRings(g: GeoJSONGeometry): void {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0].slice(0, 2)).toEqual(ring[ring.length - 1].slice(0, 2));
      if (i === 0) expect(signedArea(ring), "exterior must be counter-clockwise").toBeGreaterThan(0);
      else {
        expect(signedArea(ring), "hole must be clockwise").toBeLessThan(0);
        const verdicts = ring.map((p) => strictlyInside(p, polygon[0])).filter((v) => v !== undefined);
        expect(verdicts.every((v) => v), "hole must lie inside its exterior").toBe(true);
      }
    });
  }
}
