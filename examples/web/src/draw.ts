import type { EsriGeometry } from "@arcrest/core";
import L from "leaflet";

type LatLng = [number, number];

const flip = (path: number[][]): LatLng[] => path.map(([x, y]) => [y, x]);

/** A Leaflet layer for one Esri JSON geometry in WGS84 (points as canvas circles: thousands draw fast). */
export function leafletLayer(geometry: EsriGeometry, renderer: L.Renderer): L.Layer | undefined {
  if ("x" in geometry && typeof geometry.x === "number") {
    return L.circleMarker([geometry.y as number, geometry.x], { renderer, radius: 3, weight: 1, color: "#0b5394", fillOpacity: 0.7 });
  }
  if ("points" in geometry) {
    return L.layerGroup(geometry.points.map(([x, y]) => L.circleMarker([y, x], { renderer, radius: 3, weight: 1 })));
  }
  if ("paths" in geometry) return L.polyline(geometry.paths.map(flip), { renderer, weight: 2 });
  if ("rings" in geometry) return L.polygon(geometry.rings.map(flip), { renderer, weight: 1, fillOpacity: 0.3 });
  return undefined;
}
