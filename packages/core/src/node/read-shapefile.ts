import { open, readFile, stat, type FileHandle } from "node:fs/promises";
import type { AttributeValue, EsriGeometry, GeometryType, SpatialReference } from "../types/esri-json.js";
import { GeometryError } from "../geometry/errors.js";
import { dbfEncoding, parseDbfHeader, readDbfRecord, type DbfField, type DbfHeader } from "./read-dbf.js";
import { spatialReferenceFromPrj } from "./read-prj.js";
import { readShapeRecord } from "./read-shape-record.js";
import { SHAPE_TYPES } from "./shape-types.js";

/** The header of a .shp file. */
export interface ShapefileHeader {
  /** Shape type code (1 point, 3 polyline, 5 polygon, 8 multipoint; +10 Z, +20 M). */
  shapeType: number;
  /** The matching Esri geometry type; `null` for a file of null shapes. */
  geometryType: GeometryType | null;
  /** The shape type has Z values. */
  hasZ: boolean;
  /** The shape type has M values (optional in Z types). */
  hasM: boolean;
  /** File length in bytes, as the header states it. */
  fileLength: number;
  /** Bounding box of all shapes, with Z and M ranges as stored (0 when the type has none). */
  bbox: ShapefileBBox;
}

/** The bounding box in a .shp header. */
export interface ShapefileBBox {
  /** Smallest x. */
  xmin: number;
  /** Smallest y. */
  ymin: number;
  /** Largest x. */
  xmax: number;
  /** Largest y. */
  ymax: number;
  /** Smallest Z. */
  zmin: number;
  /** Largest Z. */
  zmax: number;
  /** Smallest M. */
  mmin: number;
  /** Largest M. */
  mmax: number;
}

/** One feature of a shapefile. */
export interface ShapefileFeature {
  /** The record number in the .shp (1-based). */
  recordNumber: number;
  /** The shape as Esri JSON with the file's spatial reference, or `null` for a null shape. */
  geometry: EsriGeometry | null;
  /** The .dbf row (empty when there is no .dbf). */
  attributes: Record<string, AttributeValue>;
}

/** An open shapefile: its header, spatial reference and fields, and its features as a stream. */
export interface Shapefile {
  /** Path of the .shp file. */
  path: string;
  /** The .shp header. */
  header: ShapefileHeader;
  /** From the .prj (see `spatialReferenceFromPrj`), when there is one. */
  spatialReference: SpatialReference | undefined;
  /** The .dbf fields (empty when there is no .dbf). */
  fields: DbfField[];
  /** Reads the features in order, in bounded memory; each call starts again at the first. */
  features(): AsyncGenerator<ShapefileFeature>;
}

const CHUNK = 1 << 16;

/**
 * Opens a shapefile: reads the .shp header, the .prj and the .dbf header. The
 * path may name the .shp or leave the extension out; sidecar files are found
 * in either case (`.dbf` or `.DBF`). The .dbf text encoding comes from the
 * `.cpg` file, else the language driver byte, else UTF-8.
 *
 * @param path - path of the .shp
 * @throws GeometryError when the file is not a shapefile
 */
export async function openShapefile(path: string): Promise<Shapefile> {
  const base = path.replace(/\.shp$/i, "");
  const shpPath = (await sidecar(base, "shp")) ?? path;
  const bytes = await readRange(shpPath, 0, 100);
  if (bytes.byteLength < 100) throw new GeometryError(`${shpPath} is too short to be a shapefile`, undefined, "path");
  const view = new DataView(bytes.buffer, bytes.byteOffset, 100);
  if (view.getInt32(0, false) !== 9994) throw new GeometryError(`${shpPath} is not a shapefile (bad file code)`, undefined, "path");
  const shapeType = view.getInt32(32, true);
  const info = SHAPE_TYPES.get(shapeType);
  if (!info) throw new GeometryError(`${shpPath} has an unsupported shape type ${shapeType}`, undefined, "path");
  const f = (o: number): number => view.getFloat64(o, true);
  const header: ShapefileHeader = {
    shapeType,
    geometryType: info.geometryType,
    hasZ: info.hasZ,
    hasM: info.hasM,
    fileLength: view.getInt32(24, false) * 2,
    bbox: { xmin: f(36), ymin: f(44), xmax: f(52), ymax: f(60), zmin: f(68), zmax: f(76), mmin: f(84), mmax: f(92) },
  };

  const prjPath = await sidecar(base, "prj");
  const spatialReference = prjPath ? spatialReferenceFromPrj(await readFile(prjPath, "utf8")) : undefined;

  const dbfPath = await sidecar(base, "dbf");
  let dbf: { header: DbfHeader; decoder: TextDecoder } | undefined;
  if (dbfPath) {
    const head = await readRange(dbfPath, 0, 32);
    const headerLength = head.byteLength >= 10 ? new DataView(head.buffer, head.byteOffset).getUint16(8, true) : 0;
    const dbfHeader = parseDbfHeader(await readRange(dbfPath, 0, Math.max(headerLength, 32)));
    const cpgPath = await sidecar(base, "cpg");
    const encoding = dbfEncoding(cpgPath ? await readFile(cpgPath, "latin1") : undefined, dbfHeader.languageDriver);
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      decoder = new TextDecoder("utf-8");
    }
    dbf = { header: dbfHeader, decoder };
  }

  return {
    path: shpPath,
    header,
    spatialReference,
    fields: dbf?.header.fields ?? [],
    features: () => readFeatures(shpPath, header, spatialReference, dbfPath, dbf),
  };
}

/**
 * Reads every feature of a shapefile, in order and in bounded memory.
 *
 * @example
 * ```ts
 * for await (const { geometry, attributes } of readShapefile("parcels.shp")) { ... }
 * ```
 * @param path - path of the .shp (the extension may be left out)
 */
export async function* readShapefile(path: string): AsyncGenerator<ShapefileFeature> {
  const shapefile = await openShapefile(path);
  yield* shapefile.features();
}

/**
 * The first feature of a shapefile that has a geometry (null shapes are
 * skipped), or `undefined` when there is none.
 *
 * @param path - path of the .shp (the extension may be left out)
 */
export async function readFirstFeature(path: string): Promise<ShapefileFeature | undefined> {
  for await (const feature of readShapefile(path)) {
    if (feature.geometry) return feature;
  }
  return undefined;
}

async function* readFeatures(
  shpPath: string,
  header: ShapefileHeader,
  spatialReference: SpatialReference | undefined,
  dbfPath: string | undefined,
  dbf: { header: DbfHeader; decoder: TextDecoder } | undefined,
): AsyncGenerator<ShapefileFeature> {
  const shp = new SequentialReader(await open(shpPath, "r"), 100);
  const table = dbf && dbfPath ? new SequentialReader(await open(dbfPath, "r"), dbf.header.headerLength) : undefined;
  try {
    const end = Math.min(header.fileLength, (await shp.size()) ?? header.fileLength);
    let index = 0;
    while (shp.position + 8 <= end) {
      const recordHeader = await shp.read(8);
      if (recordHeader.byteLength < 8) break;
      const rv = new DataView(recordHeader.buffer, recordHeader.byteOffset, 8);
      const recordNumber = rv.getInt32(0, false);
      const contentLength = rv.getInt32(4, false) * 2;
      const content = await shp.read(contentLength);
      if (content.byteLength < contentLength) {
        throw new GeometryError(`${shpPath}: record ${recordNumber} is cut short`, undefined, "path");
      }
      const geometry = readShapeRecord(new DataView(content.buffer, content.byteOffset, content.byteLength), recordNumber);
      if (geometry && spatialReference) geometry.spatialReference = { ...spatialReference };

      let attributes: Record<string, AttributeValue> | undefined = {};
      if (table && dbf && index < dbf.header.recordCount) {
        const row = await table.read(dbf.header.recordLength);
        attributes = row.byteLength === dbf.header.recordLength ? readDbfRecord(row, dbf.header.fields, dbf.decoder) : {};
      }
      index++;
      if (attributes === undefined) continue; // deleted in the .dbf
      yield { recordNumber, geometry, attributes };
    }
  } finally {
    await shp.close();
    await table?.close();
  }
}

/** Reads a file front to back in chunks, so records cost no system call each. */
class SequentialReader {
  #buffer = new Uint8Array(0);
  #bufferStart = 0;
  position: number;

  constructor(
    private readonly handle: FileHandle,
    start: number,
  ) {
    this.position = start;
    this.#bufferStart = start;
  }

  async size(): Promise<number | undefined> {
    return (await this.handle.stat()).size;
  }

  async read(length: number): Promise<Uint8Array> {
    const offsetInBuffer = this.position - this.#bufferStart;
    if (offsetInBuffer + length > this.#buffer.byteLength) {
      const size = Math.max(CHUNK, length);
      const chunk = new Uint8Array(size);
      const { bytesRead } = await this.handle.read(chunk, 0, size, this.position);
      this.#buffer = chunk.subarray(0, bytesRead);
      this.#bufferStart = this.position;
    }
    const from = this.position - this.#bufferStart;
    const out = this.#buffer.subarray(from, Math.min(from + length, this.#buffer.byteLength));
    this.position += out.byteLength;
    return out;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function sidecar(base: string, ext: string): Promise<string | undefined> {
  for (const candidate of [`${base}.${ext}`, `${base}.${ext.toUpperCase()}`]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

async function readRange(path: string, position: number, length: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    throw new GeometryError(`cannot open ${path}: ${(cause as Error).message}`, undefined, "path");
  }
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
