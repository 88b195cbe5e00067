import { normalizeEsriGeometry, positionOf } from "@arcrest/core/internal";
import type { ShapefileBBox } from "@arcrest/core/node";
import { type FeatureGeometryLike, type Position, type PositionLike } from "@arcrest/core";
import type { ByteBuffer } from "../bytes/byte-buffer.js";
import { geometryTypeOf } from "../input/geometry-info.js";
import { ShapeType, type ShapeTypeCode } from "./shape-types.js";

/** "No data" for measures: the format treats any value below -1e38 as missing. */
export const NO_DATA = -1e39;

/** Bounds of everything written, for the file headers: the same header box the shapefile reader reports. */
export type ShapeBounds = ShapefileBBox;

/** Why a geometry was written as a null shape. */
export type NullShapeReason = "missing" | "type-mismatch" | "malformed";

interface Parts {
  parts: Position[][];
  /** Per part: whether a closing point must be appended (polygon rings left open). */
  close: boolean[];
  pointCount: number;
  zIndex: number;
  mIndex: number;
}

/**
 * Encodes Esri JSON geometries as shapefile record contents of one shape type,
 * keeping the bounds of everything written. Geometries that are missing, of
 * another type, or malformed (non-finite coordinates, no usable part) become null shapes.
 */
export class ShpEncoder {
  /** The file's shape type. */
  readonly shapeType: ShapeTypeCode;
  /** Bounds of all non-null shapes (NaN-free once {@link hasBounds}). */
  readonly bounds: ShapeBounds = {
    xmin: Infinity,
    ymin: Infinity,
    xmax: -Infinity,
    ymax: -Infinity,
    zmin: Infinity,
    zmax: -Infinity,
    mmin: Infinity,
    mmax: -Infinity,
  };
  readonly #base: number;
  readonly #hasZ: boolean;
  readonly #writeM: boolean;
  readonly #layerHasZ: boolean;
  readonly #layerHasM: boolean;
  /** Why the last call to {@link encode} wrote a null shape. */
  lastNullReason: NullShapeReason | undefined;

  /**
   * @param shapeType - the file's shape type
   * @param hasM - whether M values are written (always for M types; optional for Z types)
   * @param layerHasZ - whether positions carry z when a geometry does not say
   * @param layerHasM - whether positions carry m when a geometry does not say
   */
  constructor(shapeType: ShapeTypeCode, hasM: boolean, layerHasZ: boolean, layerHasM: boolean) {
    this.shapeType = shapeType;
    this.#base = shapeType === 0 ? 0 : ((shapeType % 10) as number);
    this.#hasZ = shapeType > 10 && shapeType < 20;
    this.#writeM = shapeType > 20 || (this.#hasZ && hasM);
    this.#layerHasZ = layerHasZ;
    this.#layerHasM = layerHasM;
  }

  /** Whether any non-null shape was written. */
  get hasBounds(): boolean {
    return this.bounds.xmin <= this.bounds.xmax;
  }

  /** Appends the record content for `geometry` to `out`; returns its byte length. */
  encode(out: ByteBuffer, geometry: FeatureGeometryLike | null | undefined): number {
    this.lastNullReason = undefined;
    if (this.#base === 0 || !geometry) {
      if (geometry && this.#base === 0) this.lastNullReason = "type-mismatch";
      else if (!geometry) this.lastNullReason = "missing";
      return this.#null(out);
    }
    const type = geometryTypeOf(geometry);
    if (!type) {
      this.lastNullReason = "malformed";
      return this.#null(out);
    }
    const gz = geometry.hasZ ?? this.#layerHasZ;
    const gm = geometry.hasM ?? this.#layerHasM;
    if (this.#base === ShapeType.Point) {
      if (type === "esriGeometryPoint" && "x" in geometry) return this.#point(out, geometry.x, geometry.y, geometry.z, geometry.m);
      if (type === "esriGeometryMultipoint" && "points" in geometry && geometry.points?.length === 1) {
        const p = geometry.points[0];
        const zi: number = gz ? 2 : -1;
        const mi: number = gm ? (gz ? 3 : 2) : -1;
        return this.#point(out, p[0], p[1], zi > 0 ? p[zi] : undefined, mi > 0 ? p[mi] : undefined);
      }
      this.lastNullReason = "type-mismatch";
      return this.#null(out);
    }
    let parts = this.#parts(geometry, type, gz, gm);
    if (!parts && this.lastNullReason === "malformed") {
      // Rare: vertices without numeric x/y. Clean them out the way every other
      // writer does (core's normalisation drops such vertices) and try again.
      try {
        const clean = normalizeEsriGeometry(geometry, { hasZ: gz, hasM: gm });
        this.lastNullReason = undefined;
        parts = this.#parts(clean, geometryTypeOf(clean) ?? type, clean.hasZ === true, clean.hasM === true);
      } catch {
        this.lastNullReason = "malformed";
      }
    }
    if (!parts) return this.#null(out);
    return this.#multi(out, parts);
  }

  #null(out: ByteBuffer): number {
    out.ensure(4);
    out.i32le(ShapeType.Null);
    return 4;
  }

  #point(out: ByteBuffer, x: unknown, y: unknown, z: unknown, m: unknown): number {
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      this.lastNullReason = x === null || x === undefined || Number.isNaN(x) ? "missing" : "malformed";
      return this.#null(out);
    }
    const b = this.bounds;
    if (x < b.xmin) b.xmin = x;
    if (x > b.xmax) b.xmax = x;
    if (y < b.ymin) b.ymin = y;
    if (y > b.ymax) b.ymax = y;
    out.ensure(36);
    const start = out.length;
    out.i32le(this.shapeType);
    out.f64le(x);
    out.f64le(y);
    if (this.#hasZ) {
      const zv = typeof z === "number" && Number.isFinite(z) ? z : 0;
      if (zv < b.zmin) b.zmin = zv;
      if (zv > b.zmax) b.zmax = zv;
      out.f64le(zv);
    }
    if (this.#hasZ || this.#writeM) {
      const mv = typeof m === "number" && Number.isFinite(m) ? m : NO_DATA;
      if (mv !== NO_DATA) {
        if (mv < b.mmin) b.mmin = mv;
        if (mv > b.mmax) b.mmax = mv;
      }
      out.f64le(mv);
    }
    return out.length - start;
  }

  #parts(geometry: FeatureGeometryLike, type: string, gz: boolean, gm: boolean): Parts | undefined {
    const zIndex = gz ? 2 : -1;
    const mIndex = gm ? (gz ? 3 : 2) : -1;
    let raw: readonly (readonly PositionLike[])[];
    let polygon = false;
    if (this.#base === ShapeType.MultiPoint) {
      if (type === "esriGeometryMultipoint" && "points" in geometry) raw = [geometry.points];
      else if (type === "esriGeometryPoint" && "x" in geometry) {
        raw = [[positionOf(geometry.x, geometry.y, [...(gz ? [geometry.z ?? 0] : []), ...(gm ? [geometry.m ?? NaN] : [])])]];
      } else {
        this.lastNullReason = "type-mismatch";
        return undefined;
      }
    } else if (this.#base === ShapeType.PolyLine) {
      if (type !== "esriGeometryPolyline" || !("paths" in geometry)) {
        this.lastNullReason = "type-mismatch";
        return undefined;
      }
      raw = geometry.paths;
    } else {
      polygon = true;
      if (type === "esriGeometryEnvelope" && "xmin" in geometry) {
        const { xmin, ymin, xmax, ymax } = geometry;
        raw = [[[xmin, ymin], [xmin, ymax], [xmax, ymax], [xmax, ymin], [xmin, ymin]]];
      } else if (type === "esriGeometryPolygon" && "rings" in geometry) {
        raw = geometry.rings;
      } else {
        this.lastNullReason = "type-mismatch";
        return undefined;
      }
    }
    if (!Array.isArray(raw)) {
      this.lastNullReason = "malformed";
      return undefined;
    }
    const parts: Position[][] = [];
    const close: boolean[] = [];
    let pointCount = 0;
    const minPoints = polygon ? 4 : this.#base === ShapeType.PolyLine ? 2 : 1;
    for (const part of raw) {
      if (!Array.isArray(part)) {
        this.lastNullReason = "malformed";
        return undefined;
      }
      for (const p of part) {
        if (!Array.isArray(p) || typeof p[0] !== "number" || typeof p[1] !== "number" || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          this.lastNullReason = "malformed";
          return undefined;
        }
      }
      let count = part.length;
      let needsClose = false;
      if (polygon && count > 0) {
        const first = part[0];
        const last = part[count - 1];
        if (first[0] !== last[0] || first[1] !== last[1]) {
          needsClose = true;
          count++;
        }
      }
      if (count < minPoints) continue; // a degenerate ring or path carries no shape
      parts.push(part);
      close.push(needsClose);
      pointCount += count;
    }
    if (this.#base === ShapeType.MultiPoint && pointCount === 0) {
      this.lastNullReason = "missing";
      return undefined;
    }
    if (parts.length === 0) {
      this.lastNullReason = "malformed";
      return undefined;
    }
    return { parts, close, pointCount, zIndex, mIndex };
  }

  #multi(out: ByteBuffer, { parts, close, pointCount, zIndex, mIndex }: Parts): number {
    const multipoint = this.#base === ShapeType.MultiPoint;
    const zBytes = this.#hasZ ? 16 + 8 * pointCount : 0;
    const mBytes = this.#writeM ? 16 + 8 * pointCount : 0;
    const length = multipoint
      ? 40 + 16 * pointCount + zBytes + mBytes
      : 44 + 4 * parts.length + 16 * pointCount + zBytes + mBytes;
    out.ensure(length);
    const start = out.length;
    out.i32le(this.shapeType);
    const boxAt = out.length;
    out.length += 32;
    if (!multipoint) {
      out.i32le(parts.length);
      out.i32le(pointCount);
      let index = 0;
      for (let i = 0; i < parts.length; i++) {
        out.i32le(index);
        index += parts[i].length + (close[i] ? 1 : 0);
      }
    } else {
      out.i32le(pointCount);
    }
    let xmin = Infinity;
    let ymin = Infinity;
    let xmax = -Infinity;
    let ymax = -Infinity;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      for (const p of part) {
        const x = p[0];
        const y = p[1];
        if (x < xmin) xmin = x;
        if (x > xmax) xmax = x;
        if (y < ymin) ymin = y;
        if (y > ymax) ymax = y;
        out.f64le(x);
        out.f64le(y);
      }
      if (close[i]) {
        out.f64le(part[0][0]);
        out.f64le(part[0][1]);
      }
    }
    out.view.setFloat64(boxAt, xmin, true);
    out.view.setFloat64(boxAt + 8, ymin, true);
    out.view.setFloat64(boxAt + 16, xmax, true);
    out.view.setFloat64(boxAt + 24, ymax, true);
    const b = this.bounds;
    if (xmin < b.xmin) b.xmin = xmin;
    if (xmax > b.xmax) b.xmax = xmax;
    if (ymin < b.ymin) b.ymin = ymin;
    if (ymax > b.ymax) b.ymax = ymax;
    if (this.#hasZ) this.#ordinates(out, parts, close, zIndex, 0, "z");
    if (this.#writeM) this.#ordinates(out, parts, close, mIndex, NO_DATA, "m");
    return out.length - start;
  }

  /** Writes a range and the values of one ordinate (z or m) of every point. */
  #ordinates(out: ByteBuffer, parts: Position[][], close: boolean[], index: number, missing: number, which: "z" | "m"): void {
    const rangeAt = out.length;
    out.length += 16;
    let min = Infinity;
    let max = -Infinity;
    const write = (p: Position): void => {
      const raw = index >= 0 ? p[index] : undefined;
      const v = typeof raw === "number" && Number.isFinite(raw) ? raw : missing;
      if (v !== NO_DATA) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      out.f64le(v);
    };
    for (let i = 0; i < parts.length; i++) {
      for (const p of parts[i]) write(p);
      if (close[i]) write(parts[i][0]);
    }
    const hasRange = min <= max;
    out.view.setFloat64(rangeAt, hasRange ? min : which === "m" ? NO_DATA : 0, true);
    out.view.setFloat64(rangeAt + 8, hasRange ? max : which === "m" ? NO_DATA : 0, true);
    if (hasRange) {
      const b = this.bounds;
      if (which === "z") {
        if (min < b.zmin) b.zmin = min;
        if (max > b.zmax) b.zmax = max;
      } else {
        if (min < b.mmin) b.mmin = min;
        if (max > b.mmax) b.mmax = max;
      }
    }
  }
}
