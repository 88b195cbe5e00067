/**
 * Builds shapefiles byte by byte (DataView), following the ESRI Shapefile
 * Technical Description, so the reader is tested against files it did not write.
 */
import { writeFileSync } from "node:fs";

/** A vertex: [x, y] or [x, y, z, m] for Z types, [x, y, m] for M types. */
export type Vertex = number[];

const le = true;

function bytes(size: number): { buf: Uint8Array; view: DataView } {
  const buf = new Uint8Array(size);
  return { buf, view: new DataView(buf.buffer) };
}

/** Record content of a null shape. */
export function nullShape(): Uint8Array {
  const { buf, view } = bytes(4);
  view.setInt32(0, 0, le);
  return buf;
}

/** Record content of a Point (1), PointM (21: [x, y, m]) or PointZ (11: [x, y, z, m]). */
export function pointShape(code: 1 | 11 | 21, v: Vertex): Uint8Array {
  const doubles = code === 1 ? 2 : code === 21 ? 3 : 4;
  const { buf, view } = bytes(4 + 8 * doubles);
  view.setInt32(0, code, le);
  for (let i = 0; i < doubles; i++) view.setFloat64(4 + 8 * i, v[i], le);
  return buf;
}

function box(parts: Vertex[][]): [number, number, number, number] {
  const all = parts.flat();
  return [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
}

/**
 * Record content of a multipoint (8/18/28), polyline (3/13/23) or polygon (5/15/25).
 * Z types take [x, y, z, m] vertices (m omitted from the file when `withM` is false),
 * M types [x, y, m].
 */
export function partsShape(code: number, parts: Vertex[][], withM = true): Uint8Array {
  const multipoint = code % 10 === 8;
  const z = code > 10 && code < 20;
  const m = code > 20 || (z && withM);
  const points = parts.flat();
  const n = points.length;
  const head = 4 + 32 + (multipoint ? 4 : 8 + 4 * parts.length);
  const size = head + 16 * n + (z ? 16 + 8 * n : 0) + (m ? 16 + 8 * n : 0);
  const { buf, view } = bytes(size);
  view.setInt32(0, code, le);
  box(parts).forEach((v, i) => view.setFloat64(4 + 8 * i, v, le));
  let o = 36;
  if (multipoint) {
    view.setInt32(o, n, le);
    o += 4;
  } else {
    view.setInt32(o, parts.length, le);
    view.setInt32(o + 4, n, le);
    o += 8;
    let start = 0;
    for (const part of parts) {
      view.setInt32(o, start, le);
      o += 4;
      start += part.length;
    }
  }
  for (const p of points) {
    view.setFloat64(o, p[0], le);
    view.setFloat64(o + 8, p[1], le);
    o += 16;
  }
  const block = (index: number): void => {
    const values = points.map((p) => p[index]);
    view.setFloat64(o, Math.min(...values), le);
    view.setFloat64(o + 8, Math.max(...values), le);
    o += 16;
    for (const v of values) {
      view.setFloat64(o, v, le);
      o += 8;
    }
  };
  if (z) block(2);
  if (m) block(z ? 3 : 2);
  return buf;
}

/** Writes `<base>.shp` with the given shape type and record contents. */
export function writeShp(base: string, shapeType: number, records: Uint8Array[], bbox = [0, 0, 0, 0]): void {
  const length = 100 + records.reduce((sum, r) => sum + 8 + r.byteLength, 0);
  const { buf, view } = bytes(length);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, le);
  view.setInt32(32, shapeType, le);
  bbox.forEach((v, i) => view.setFloat64(36 + 8 * i, v, le));
  let o = 100;
  records.forEach((r, i) => {
    view.setInt32(o, i + 1, false);
    view.setInt32(o + 4, r.byteLength / 2, false);
    buf.set(r, o + 8);
    o += 8 + r.byteLength;
  });
  writeFileSync(`${base}.shp`, buf);
}

/** A dBASE field for {@link writeDbf}. */
export interface DbfFieldSpec {
  name: string;
  type: "C" | "N" | "L" | "D";
  length: number;
  decimals?: number;
}

/** Writes `<base>.dbf`; rows are raw cell texts (already formatted), `deleted` marks rows deleted. */
export function writeDbf(base: string, fields: DbfFieldSpec[], rows: string[][], deleted: number[] = [], languageDriver = 0): void {
  const enc = new TextEncoder();
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const { buf, view } = bytes(headerLength + recordLength * rows.length + 1);
  buf[0] = 0x03;
  view.setUint32(4, rows.length, le);
  view.setUint16(8, headerLength, le);
  view.setUint16(10, recordLength, le);
  buf[29] = languageDriver;
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    buf.set(enc.encode(f.name).subarray(0, 10), o);
    buf[o + 11] = f.type.charCodeAt(0);
    buf[o + 16] = f.length;
    buf[o + 17] = f.decimals ?? 0;
  });
  buf[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let o = headerLength + r * recordLength;
    buf[o] = deleted.includes(r) ? 0x2a : 0x20;
    o += 1;
    fields.forEach((f, i) => {
      const cell = new Uint8Array(f.length).fill(0x20);
      const encoded = enc.encode(row[i]).subarray(0, f.length);
      // Numbers are right-aligned, text left-aligned.
      cell.set(encoded, f.type === "N" ? f.length - encoded.byteLength : 0);
      buf.set(cell, o);
      o += f.length;
    });
  });
  buf[buf.byteLength - 1] = 0x1a;
  writeFileSync(`${base}.dbf`, buf);
}
