import { ValidationError } from "@arcrest/core";

/** Largest output accepted, in pixels each way. */
export const MAX_OUTPUT_SIZE = 100_000;

/** The output grid, computed once: origin (upper-left), pixel size, size in pixels. */
export interface OutputGrid {
  originX: number;
  originY: number;
  pixelSizeX: number;
  pixelSizeY: number;
  width: number;
  height: number;
}

/** One tile: its place in the grid and its exact bbox. */
export interface Tile {
  col: number;
  row: number;
  width: number;
  height: number;
  bbox: [number, number, number, number];
}

/** Checks an output size before any request. */
export function checkSize(width: number, height: number, parameter: string): void {
  for (const n of [width, height]) {
    if (!Number.isInteger(n) || n <= 0) throw new ValidationError(parameter, `a size must be a positive whole number of pixels, got ${width} × ${height}`);
    if (n > MAX_OUTPUT_SIZE) throw new ValidationError(parameter, `at most ${MAX_OUTPUT_SIZE.toLocaleString("en")} pixels each way, got ${width} × ${height}`);
  }
}

/** The tiles of a row of tiles (`tileRow`), each at exactly its part of the grid. */
export function tilesOfRow(grid: OutputGrid, tileRow: number, tileWidth: number, tileHeight: number): Tile[] {
  const row = tileRow * tileHeight;
  const height = Math.min(tileHeight, grid.height - row);
  const tiles: Tile[] = [];
  for (let col = 0; col < grid.width; col += tileWidth) {
    const width = Math.min(tileWidth, grid.width - col);
    const xmin = grid.originX + col * grid.pixelSizeX;
    const ymax = grid.originY - row * grid.pixelSizeY;
    tiles.push({ col, row, width, height, bbox: [xmin, ymax - height * grid.pixelSizeY, xmin + width * grid.pixelSizeX, ymax] });
  }
  return tiles;
}
