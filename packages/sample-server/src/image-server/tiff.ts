import { deflateSync } from "node:zlib";

/** A raster the server encodes: band-interleaved-by-pixel samples, row by row from the top. */
export interface ServerRaster {
  width: number;
  height: number;
  bands: number;
  pixelType: "F32" | "U8";
  /** width × height × bands samples. */
  data: Float32Array | Uint8Array;
  /** Upper-left corner and pixel size, for the GeoTIFF tags. */
  originX: number;
  originY: number;
  scaleX: number;
  scaleY: number;
  /** EPSG code of the projected coordinate system. */
  epsg: number;
  noData: number;
}

interface Entry {
  tag: number;
  type: 2 | 3 | 4 | 12;
  values: number[] | string;
}

const TYPE_SIZE: Record<Entry["type"], number> = { 2: 1, 3: 2, 4: 4, 12: 8 };

/**
 * A single-strip little-endian GeoTIFF, as ArcGIS' exportImage `format=tiff` answers (uncompressed,
 * or Deflate with `compression=LZ77`). The server's own encoder: it shares nothing with the client.
 */
export function encodeTiff(raster: ServerRaster, deflate: boolean): Uint8Array {
  const raw = new Uint8Array(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  const pixels = deflate ? new Uint8Array(deflateSync(raw)) : raw;
  const float = raster.pixelType === "F32";
  const noData = float ? String(raster.noData) : String(Math.round(raster.noData));
  const entries: Entry[] = [
    { tag: 256, type: 4, values: [raster.width] },
    { tag: 257, type: 4, values: [raster.height] },
    { tag: 258, type: 3, values: Array<number>(raster.bands).fill(float ? 32 : 8) },
    { tag: 259, type: 3, values: [deflate ? 8 : 1] },
    { tag: 262, type: 3, values: [raster.bands === 3 && !float ? 2 : 1] },
    { tag: 273, type: 4, values: [0] }, // patched below
    { tag: 277, type: 3, values: [raster.bands] },
    { tag: 278, type: 4, values: [raster.height] },
    { tag: 279, type: 4, values: [pixels.byteLength] },
    { tag: 284, type: 3, values: [1] },
    { tag: 339, type: 3, values: Array<number>(raster.bands).fill(float ? 3 : 1) },
    { tag: 33550, type: 12, values: [raster.scaleX, raster.scaleY, 0] },
    { tag: 33922, type: 12, values: [0, 0, 0, raster.originX, raster.originY, 0] },
    { tag: 34735, type: 3, values: [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, raster.epsg] },
    { tag: 42113, type: 2, values: `${noData}\0` },
  ];
  return layout(entries, pixels);
}

function byteLength(entry: Entry): number {
  return TYPE_SIZE[entry.type] * entry.values.length;
}

function layout(entries: Entry[], pixels: Uint8Array): Uint8Array {
  const ifdSize = 2 + entries.length * 12 + 4;
  let cursor = 8 + ifdSize;
  const outside = new Map<Entry, number>();
  for (const entry of entries) {
    if (byteLength(entry) > 4) {
      outside.set(entry, cursor);
      cursor += byteLength(entry) + (byteLength(entry) % 2);
    }
  }
  const dataOffset = cursor;
  entries.find((e) => e.tag === 273)!.values = [dataOffset];
  const out = new Uint8Array(dataOffset + pixels.byteLength);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach((entry, i) => {
    const at = 10 + i * 12;
    view.setUint16(at, entry.tag, true);
    view.setUint16(at + 2, entry.type, true);
    view.setUint32(at + 4, entry.values.length, true);
    const target = outside.get(entry);
    if (target !== undefined) view.setUint32(at + 8, target, true);
    writeValues(view, target ?? at + 8, entry);
  });
  view.setUint32(10 + entries.length * 12, 0, true);
  out.set(pixels, dataOffset);
  return out;
}

function writeValues(view: DataView, at: number, entry: Entry): void {
  const { values } = entry;
  for (let i = 0; i < values.length; i++) {
    const v = typeof values === "string" ? values.charCodeAt(i) : values[i];
    if (entry.type === 2) view.setUint8(at + i, v);
    else if (entry.type === 3) view.setUint16(at + i * 2, v, true);
    else if (entry.type === 4) view.setUint32(at + i * 4, v, true);
    else view.setFloat64(at + i * 8, v, true);
  }
}
