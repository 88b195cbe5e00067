import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromArrayBuffer } from "geotiff";
import { describe, expect, it } from "vitest";
import { MemorySink } from "../memory-sink.js";
import { StripedGeoTiffWriter } from "./writer.js";

/** Writes `data` (uint8, 1 band, one strip) as a GeoTIFF with the given compression. */
async function tiff(data: Uint8Array, width: number, height: number, compression: "deflate" | "lzw"): Promise<Uint8Array> {
  const sink = new MemorySink();
  const layout = { width, height, bands: 1, sampleFormat: "uint8" as const, rowsPerStrip: height, originX: 0, originY: 0, pixelSizeX: 1, pixelSizeY: 1, epsg: 3857, noData: undefined, compression };
  const writer = new StripedGeoTiffWriter(layout, sink);
  await writer.begin();
  await writer.writeStrip(data);
  return sink.bytes(await writer.end());
}

async function decoded(bytes: Uint8Array): Promise<Uint8Array> {
  const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).getImage();
  return (await image.readRasters({ interleave: true })) as unknown as Uint8Array;
}

/** A deterministic byte sequence: `noise` of 256 random-looking values, else long runs. */
function bytes(length: number, noise: boolean): Uint8Array {
  const out = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = noise ? state >>> 24 : Math.floor(i / 37) % 7;
  }
  return out;
}

describe("TIFF LZW encoder", () => {
  const cases: [string, number, number, boolean][] = [
    ["one pixel", 1, 1, true],
    ["noise: 12-bit codes and many table resets", 700, 300, true],
    ["runs: long strings", 640, 480, false],
  ];
  for (const [name, width, height, noise] of cases) {
    it(`round-trips ${name} through geotiff and GDAL`, async () => {
      const data = bytes(width * height, noise);
      const lzw = await tiff(data, width, height, "lzw");
      expect(Buffer.from(await decoded(lzw)).equals(Buffer.from(data))).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), "arcrest-lzw-"));
      try {
        writeFileSync(join(dir, "lzw.tif"), lzw);
        writeFileSync(join(dir, "deflate.tif"), await tiff(data, width, height, "deflate"));
        const checksum = (file: string) => execFileSync("gdalinfo", ["-checksum", join(dir, file)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).match(/Checksum=(\d+)/)?.[1];
        expect(checksum("lzw.tif")).toBeDefined();
        expect(checksum("lzw.tif")).toBe(checksum("deflate.tif"));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
