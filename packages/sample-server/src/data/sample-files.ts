import { createRaster, encodePng } from "../image/png.js";
import type { Prng } from "./prng.js";

/** A small PNG (a coloured square with a border) for attachments. */
export function samplePng(size: number, rgb: [number, number, number]): Uint8Array {
  const raster = createRaster(size, size, [rgb[0], rgb[1], rgb[2], 255]);
  for (let i = 0; i < size; i++) {
    for (const [x, y] of [[i, 0], [i, size - 1], [0, i], [size - 1, i]]) {
      raster.pixels.set([0, 0, 0, 255], (y * size + x) * 4);
    }
  }
  return encodePng(raster);
}

/** A short text file for attachments. */
export function sampleText(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

/** A random colour from a generator. */
export function randomColor(rng: Prng): [number, number, number] {
  return [rng.int(40, 230), rng.int(40, 230), rng.int(40, 230)];
}
