import type { EsriPolygonLike } from "@arcrest/core";

/**
 * Sets to noData every pixel of a strip whose centre falls outside the polygon (even-odd rule,
 * one scanline per row: the ring crossings at the row's centre y, filled span by span).
 */
export function maskStrip(
  strip: Float32Array | Uint8Array,
  polygon: EsriPolygonLike,
  grid: { originX: number; originY: number; pixelSizeX: number; pixelSizeY: number; width: number },
  firstRow: number,
  rows: number,
  bands: number,
  noData: number,
): void {
  const crossings: number[] = [];
  for (let r = 0; r < rows; r++) {
    const y = grid.originY - (firstRow + r + 0.5) * grid.pixelSizeY;
    crossings.length = 0;
    for (const ring of polygon.rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    crossings.sort((a, b) => a - b);
    let inside = false;
    let next = 0;
    for (let c = 0; c < grid.width; c++) {
      const x = grid.originX + (c + 0.5) * grid.pixelSizeX;
      while (next < crossings.length && crossings[next] <= x) {
        inside = !inside;
        next++;
      }
      if (!inside) strip.fill(noData, (r * grid.width + c) * bands, (r * grid.width + c + 1) * bands);
    }
  }
}
