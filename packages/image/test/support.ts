/** What the image tests share: the DEM surface (written out again, not imported from the server), test geometry and GeoTIFF reading. */
import { readFileSync } from "node:fs";
import type { EsriPolygon } from "@arcrest/core";
import { fromArrayBuffer, type GeoTIFFImage } from "geotiff";

export const X0 = -13_000_000;
export const Y0 = 4_500_000;
/** The sample DEM's elevation at a point (web mercator metres), as float32. */
export const dem = (x: number, y: number) => Math.fround(1000 + 300 * Math.sin((x - X0) / 4000) * Math.cos((y - Y0) / 6000) + 0.002 * (x - X0));

export const XMIN = -12_995_000;
export const YMIN = 4_505_000;
/** A triangle over 1,230 × 730 pixels of 10 m: 3 × 2 tiles of ≤ 500, not multiples of the tile size. */
export const triangle: EsriPolygon = { rings: [[[XMIN, YMIN], [XMIN, YMIN + 7300], [XMIN + 12300, YMIN + 7300], [XMIN, YMIN]]], spatialReference: { wkid: 102100 } };

/** A GeoTIFF file's first image and its pixels, interleaved. */
export async function readTiff(path: string): Promise<{ image: GeoTIFFImage; data: ArrayLike<number> }> {
  const bytes = readFileSync(path);
  const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const image = await tiff.getImage();
  return { image, data: (await image.readRasters({ interleave: true })) as unknown as ArrayLike<number> };
}
