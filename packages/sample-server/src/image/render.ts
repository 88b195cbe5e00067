import type { SampleGeometry } from "../data/types.js";
import type { Raster } from "./png.js";

/** An RGBA colour. */
export type Rgba = readonly [number, number, number, number];

/** Maps a coordinate to pixel space (x right, y down). */
export type ToPixel = (x: number, y: number) => [number, number];

function blend(raster: Raster, px: number, py: number, color: Rgba): void {
  const x = Math.round(px);
  const y = Math.round(py);
  if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) return;
  const i = (y * raster.width + x) * 4;
  const a = color[3] / 255;
  const p = raster.pixels;
  p[i] = Math.round(color[0] * a + p[i] * (1 - a));
  p[i + 1] = Math.round(color[1] * a + p[i + 1] * (1 - a));
  p[i + 2] = Math.round(color[2] * a + p[i + 2] * (1 - a));
  p[i + 3] = Math.max(p[i + 3], color[3]);
}

/** A filled square marker of `size` pixels centred on a point. */
export function drawMarker(raster: Raster, px: number, py: number, size: number, color: Rgba): void {
  const half = Math.floor(size / 2);
  for (let dy = -half; dy <= half; dy++) for (let dx = -half; dx <= half; dx++) blend(raster, px + dx, py + dy, color);
}

/** A one-pixel line (DDA). */
export function drawLine(raster: Raster, x0: number, y0: number, x1: number, y1: number, color: Rgba): void {
  const steps = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
  if (!Number.isFinite(steps) || steps > 100_000) return;
  for (let s = 0; s <= steps; s++) {
    const t = steps === 0 ? 0 : s / steps;
    blend(raster, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, color);
  }
}

/** Fills rings with the even-odd rule (holes stay empty), by scanlines. */
export function fillRings(raster: Raster, rings: [number, number][][], color: Rgba): void {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [, y] of ring) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  const y0 = Math.max(0, Math.floor(minY));
  const y1 = Math.min(raster.height - 1, Math.ceil(maxY));
  for (let y = y0; y <= y1; y++) {
    const scan = y + 0.5;
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > scan !== yj > scan) crossings.push(xi + ((scan - yi) / (yj - yi)) * (xj - xi));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(crossings[k] - 0.5));
      const to = Math.min(raster.width - 1, Math.floor(crossings[k + 1] - 0.5));
      for (let x = from; x <= to; x++) blend(raster, x, y, color);
    }
  }
}

/** Style of one geometry type. */
export interface Style {
  fill: Rgba;
  stroke: Rgba;
  markerSize: number;
}

/** Draws a geometry in a style. */
export function drawGeometry(raster: Raster, geometry: SampleGeometry, toPixel: ToPixel, style: Style): void {
  if ("x" in geometry) {
    const [px, py] = toPixel(geometry.x, geometry.y);
    drawMarker(raster, px, py, style.markerSize, style.fill);
  } else if ("points" in geometry) {
    for (const p of geometry.points) {
      const [px, py] = toPixel(p[0], p[1]);
      drawMarker(raster, px, py, style.markerSize, style.fill);
    }
  } else if ("paths" in geometry) {
    for (const path of geometry.paths) strokePath(raster, path.map((p) => toPixel(p[0], p[1])), style.stroke);
  } else {
    const rings = geometry.rings.map((ring) => ring.map((p) => toPixel(p[0], p[1])));
    fillRings(raster, rings, style.fill);
    for (const ring of rings) strokePath(raster, ring, style.stroke);
  }
}

function strokePath(raster: Raster, path: [number, number][], color: Rgba): void {
  for (let i = 1; i < path.length; i++) drawLine(raster, path[i - 1][0], path[i - 1][1], path[i][0], path[i][1], color);
}
