import { zlibSync } from "fflate";
import { lzwEncode } from "./lzw.js";

/** Where the GeoTIFF's bytes go, in order (a file handle in /node, memory in the browser). */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/** What the GeoTIFF describes. */
export interface GeoTiffLayout {
  width: number;
  height: number;
  bands: number;
  /** Sample type: float32 or uint8. */
  sampleFormat: "float32" | "uint8";
  /** Rows per strip (the last strip may be shorter). */
  rowsPerStrip: number;
  originX: number;
  originY: number;
  pixelSizeX: number;
  pixelSizeY: number;
  /** EPSG code of a projected CRS (or 4326 for geographic); undefined writes no CRS key. */
  epsg: number | undefined;
  noData: number | undefined;
  /** Strip compression; default Deflate. */
  compression?: "deflate" | "lzw";
}

const BYTES = { float32: 4, uint8: 1 } as const;

/**
 * A streaming striped GeoTIFF writer: the 8-byte header, then each Deflate- or LZW-compressed strip as it
 * arrives, then the IFD with the strip offsets, GeoKeys, ModelTiepoint/ModelPixelScale and
 * GDAL_NODATA. Only one strip is ever held.
 */
export class StripedGeoTiffWriter {
  readonly #offsets: number[] = [];
  readonly #counts: number[] = [];
  #position = 0;

  constructor(
    readonly layout: GeoTiffLayout,
    readonly sink: ByteSink,
  ) {}

  /** Bytes of one full strip of raw samples (pixel-interleaved). */
  get stripBytes(): number {
    const { width, bands, sampleFormat, rowsPerStrip } = this.layout;
    return width * bands * BYTES[sampleFormat] * rowsPerStrip;
  }

  async #write(chunk: Uint8Array): Promise<void> {
    await this.sink.write(chunk);
    this.#position += chunk.byteLength;
  }

  /** Starts the file; call once before the strips. */
  async begin(): Promise<void> {
    const header = new Uint8Array(8);
    header.set([0x49, 0x49, 42, 0]); // the IFD offset is patched into the trailer's own copy (see end())
    await this.#write(header);
  }

  /** Appends the next strip (little-endian samples, rows top to bottom). */
  async writeStrip(raw: Uint8Array): Promise<void> {
    const compressed = this.layout.compression === "lzw" ? lzwEncode(raw) : zlibSync(raw, { level: 1 });
    this.#offsets.push(this.#position);
    this.#counts.push(compressed.byteLength);
    await this.#write(compressed);
  }

  /** Writes the IFD; returns its offset, which must be stored at byte 4 of the file. */
  async end(): Promise<number> {
    if (this.#position % 2 === 1) await this.#write(new Uint8Array(1));
    const ifdOffset = this.#position;
    await this.#write(buildIfd(this.layout, ifdOffset, this.#offsets, this.#counts));
    return ifdOffset;
  }
}

/** The 4 bytes at file offset 4 that point at the IFD. */
export function ifdPointer(ifdOffset: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, ifdOffset, true);
  return bytes;
}

type FieldType = 2 | 3 | 4 | 12;
interface Field {
  tag: number;
  type: FieldType;
  values: number[];
}
const SIZE: Record<FieldType, number> = { 2: 1, 3: 2, 4: 4, 12: 8 };

function geoKeys(epsg: number | undefined): number[] {
  if (epsg === undefined) return [1, 1, 0, 1, 1025, 0, 1, 1];
  const geographic = epsg === 4326 || epsg === 4269 || epsg === 4267;
  const keys = [
    [1024, 0, 1, geographic ? 2 : 1], // GTModelTypeGeoKey
    [1025, 0, 1, 1], // GTRasterTypeGeoKey: PixelIsArea
    [geographic ? 2048 : 3072, 0, 1, epsg], // GeographicType / ProjectedCSType
  ];
  return [1, 1, 0, keys.length, ...keys.flat()];
}

function buildIfd(layout: GeoTiffLayout, at: number, offsets: number[], counts: number[]): Uint8Array {
  const float = layout.sampleFormat === "float32";
  const bands = layout.bands;
  const fields: Field[] = [
    { tag: 256, type: 4, values: [layout.width] },
    { tag: 257, type: 4, values: [layout.height] },
    { tag: 258, type: 3, values: Array<number>(bands).fill(float ? 32 : 8) },
    { tag: 259, type: 3, values: [layout.compression === "lzw" ? 5 : 8] }, // LZW or Deflate
    { tag: 262, type: 3, values: [bands === 3 && !float ? 2 : 1] },
    { tag: 273, type: 4, values: offsets },
    { tag: 277, type: 3, values: [bands] },
    { tag: 278, type: 4, values: [layout.rowsPerStrip] },
    { tag: 279, type: 4, values: counts },
    { tag: 284, type: 3, values: [1] },
    { tag: 339, type: 3, values: Array<number>(bands).fill(float ? 3 : 1) },
    { tag: 33550, type: 12, values: [layout.pixelSizeX, layout.pixelSizeY, 0] },
    { tag: 33922, type: 12, values: [0, 0, 0, layout.originX, layout.originY, 0] },
    { tag: 34735, type: 3, values: geoKeys(layout.epsg) },
  ];
  if (layout.noData !== undefined) {
    const text = `${String(layout.noData)}\0`;
    fields.push({ tag: 42113, type: 2, values: [...text].map((c) => c.charCodeAt(0)) });
  }
  const dirBytes = 2 + fields.length * 12 + 4;
  let extra = at + dirBytes;
  const placed = fields.map((f) => {
    const bytes = SIZE[f.type] * f.values.length;
    if (bytes <= 4) return undefined;
    const where = extra;
    extra += bytes + (bytes % 2);
    return where;
  });
  const out = new Uint8Array(extra - at);
  const view = new DataView(out.buffer);
  view.setUint16(0, fields.length, true);
  fields.forEach((f, i) => {
    const entry = 2 + i * 12;
    view.setUint16(entry, f.tag, true);
    view.setUint16(entry + 2, f.type, true);
    view.setUint32(entry + 4, f.values.length, true);
    const where = placed[i];
    if (where !== undefined) view.setUint32(entry + 8, where, true);
    putValues(view, where === undefined ? entry + 8 : where - at, f);
  });
  return out;
}

function putValues(view: DataView, at: number, field: Field): void {
  field.values.forEach((v, i) => {
    if (field.type === 2) view.setUint8(at + i, v);
    else if (field.type === 3) view.setUint16(at + i * 2, v, true);
    else if (field.type === 4) view.setUint32(at + i * 4, v, true);
    else view.setFloat64(at + i * 8, v, true);
  });
}
