import type { EsriGeometry, FeatureGeometryLike, GeometryType, Position } from "@arcrest/core";
import { groupRings, normalizeEsriGeometry } from "@arcrest/core/internal";
import { ByteBuffer } from "../bytes/byte-buffer.js";
import { geometryTypeOf } from "../input/geometry-info.js";

/** The geometry type a GeoPackage table declares (`gpkg_geometry_columns.geometry_type_name`). */
export type GpkgGeometryName = "POINT" | "MULTIPOINT" | "MULTILINESTRING" | "MULTIPOLYGON";

/** The declared type for an Esri geometry type: lines and polygons are multi, so every Esri shape fits one type. */
export function gpkgGeometryName(type: GeometryType): GpkgGeometryName {
  switch (type) {
    case "esriGeometryPoint":
      return "POINT";
    case "esriGeometryMultipoint":
      return "MULTIPOINT";
    case "esriGeometryPolyline":
      return "MULTILINESTRING";
    default:
      return "MULTIPOLYGON";
  }
}

const WKB_CODE: Record<GpkgGeometryName, number> = { POINT: 1, MULTIPOINT: 4, MULTILINESTRING: 5, MULTIPOLYGON: 6 };
const POINT = 1;
const LINESTRING = 2;
const POLYGON = 3;

/** Why {@link GpkgGeometryEncoder.encode} wrote no geometry. */
export type GpkgNullReason = "missing" | "type-mismatch" | "malformed";

/**
 * Encodes Esri JSON geometries as GeoPackage binary (the `GP` header with the
 * srs id and, except for points, the xy envelope, then ISO WKB, little-endian),
 * keeping the envelope of the last geometry (for the R-tree) and of all of them
 * (for `gpkg_contents`). Missing, mismatched and unreadable geometries are not written (`NULL`).
 */
export class GpkgGeometryEncoder {
  readonly #name: GpkgGeometryName;
  readonly #hasZ: boolean;
  readonly #hasM: boolean;
  readonly #srsId: number;
  /** Where the geometry being encoded goes (the buffer of the current {@link encodeTo} call). */
  #out = new ByteBuffer(64);
  /** Envelope of the last geometry encoded: minx, maxx, miny, maxy. */
  readonly envelope = [0, 0, 0, 0];
  /** Envelope of every geometry encoded: minx, maxx, miny, maxy (Infinity until one is). */
  readonly extent = [Infinity, -Infinity, Infinity, -Infinity];
  /** Why the last call returned `null`. */
  lastNullReason: GpkgNullReason | undefined;

  constructor(name: GpkgGeometryName, hasZ: boolean, hasM: boolean, srsId: number) {
    this.#name = name;
    this.#hasZ = hasZ;
    this.#hasM = hasM;
    this.#srsId = srsId;
  }

  /**
   * Appends the GeoPackage binary of `geometry` to `out` and returns `true`, or
   * returns `false` (with {@link lastNullReason}) and leaves `out` as it was: a
   * writer gathers many geometries in one buffer instead of an array each.
   */
  encodeTo(geometry: FeatureGeometryLike | null | undefined, out: ByteBuffer): boolean {
    this.#out = out;
    const start = out.length;
    if (this.#write(geometry)) return true;
    out.length = start;
    return false;
  }

  #write(geometry: FeatureGeometryLike | null | undefined): boolean {
    this.lastNullReason = undefined;
    if (!geometry) return this.#null("missing");
    const type = geometryTypeOf(geometry);
    if (!type) return this.#null("malformed");
    const gz = geometry.hasZ ?? this.#hasZ;
    const gm = geometry.hasM ?? this.#hasM;
    const out = this.#out;
    if (this.#name === "POINT") {
      if (type !== "esriGeometryPoint" || !("x" in geometry)) return this.#null("type-mismatch");
      const { x, y } = geometry;
      if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) return this.#null("missing");
      this.#header(false);
      this.#point(x, y, geometry.z, geometry.m);
      this.#grow(x, x, y, y);
      return true;
    }
    let clean: EsriGeometry;
    try {
      clean = normalizeEsriGeometry(geometry, { hasZ: gz, hasM: gm });
    } catch {
      return this.#null("malformed");
    }
    const zi = clean.hasZ ? 2 : -1;
    const mi = clean.hasM ? (clean.hasZ ? 3 : 2) : -1;
    const env = this.envelope;
    env[0] = Infinity;
    env[1] = -Infinity;
    env[2] = Infinity;
    env[3] = -Infinity;
    this.#header(true);
    const envAt = out.length - 32;
    if (this.#name === "MULTIPOINT") {
      let points: Position[];
      if ("points" in clean) points = clean.points;
      else if ("x" in clean && Number.isFinite(clean.x) && Number.isFinite(clean.y)) points = [[clean.x, clean.y, clean.z ?? 0, clean.m ?? NaN]];
      else return this.#null("x" in clean ? "missing" : "type-mismatch");
      if (points.length === 0) return this.#null("missing");
      this.#multi(points.length);
      const [pz, pm] = "x" in clean ? [2, 3] : [zi, mi];
      for (const p of points) this.#position(p, pz, pm, POINT);
    } else if (this.#name === "MULTILINESTRING") {
      if (!("paths" in clean)) return this.#null("type-mismatch");
      if (clean.paths.length === 0) return this.#null("malformed");
      this.#multi(clean.paths.length);
      for (const path of clean.paths) this.#ring(path, zi, mi, true);
    } else {
      let polygons: Position[][][];
      if ("rings" in clean) polygons = groupRings(clean.rings);
      else if ("xmin" in clean && Number.isFinite(clean.xmin)) {
        const { xmin, ymin, xmax, ymax } = clean;
        polygons = [[[[xmin, ymin], [xmin, ymax], [xmax, ymax], [xmax, ymin], [xmin, ymin]]]];
      } else return this.#null("type-mismatch");
      if (polygons.length === 0) return this.#null("malformed");
      this.#multi(polygons.length);
      for (const rings of polygons) {
        this.#type(POLYGON);
        out.ensure(4);
        out.view.setUint32(out.length, rings.length, true);
        out.length += 4;
        for (const ring of rings) this.#ring(ring, zi, mi, false);
      }
    }
    out.view.setFloat64(envAt, env[0], true);
    out.view.setFloat64(envAt + 8, env[1], true);
    out.view.setFloat64(envAt + 16, env[2], true);
    out.view.setFloat64(envAt + 24, env[3], true);
    this.#grow(env[0], env[1], env[2], env[3]);
    return true;
  }

  #null(reason: GpkgNullReason): false {
    this.lastNullReason = reason;
    return false;
  }

  #grow(minx: number, maxx: number, miny: number, maxy: number): void {
    const env = this.envelope;
    env[0] = minx;
    env[1] = maxx;
    env[2] = miny;
    env[3] = maxy;
    const all = this.extent;
    if (minx < all[0]) all[0] = minx;
    if (maxx > all[1]) all[1] = maxx;
    if (miny < all[2]) all[2] = miny;
    if (maxy > all[3]) all[3] = maxy;
  }

  /** `GP`, version 0, flags (little-endian, xy envelope or none), srs id, room for the envelope. */
  #header(withEnvelope: boolean): void {
    const out = this.#out;
    out.ensure(40);
    out.u8(0x47);
    out.u8(0x50);
    out.u8(0);
    out.u8(withEnvelope ? 0b0000_0011 : 0b0000_0001);
    out.i32le(this.#srsId);
    if (withEnvelope) out.length += 32;
  }

  /** Byte order and ISO WKB type code (Z +1000, M +2000). */
  #type(base: number): void {
    const out = this.#out;
    out.ensure(5);
    out.u8(1);
    out.view.setUint32(out.length, base + (this.#hasZ ? 1000 : 0) + (this.#hasM ? 2000 : 0), true);
    out.length += 4;
  }

  #multi(count: number): void {
    this.#type(WKB_CODE[this.#name]);
    const out = this.#out;
    out.ensure(4);
    out.view.setUint32(out.length, count, true);
    out.length += 4;
  }

  /** A whole WKB point from its coordinates (what {@link #position} writes for `[x, y, z ?? 0, m ?? NaN]`, without the array). */
  #point(x: number, y: number, z: number | null | undefined, m: number | null | undefined): void {
    this.#type(POINT);
    const out = this.#out;
    out.ensure(32);
    out.f64le(x);
    out.f64le(y);
    if (this.#hasZ) out.f64le(typeof z === "number" && Number.isFinite(z) ? z : 0);
    if (this.#hasM) out.f64le(typeof m === "number" ? m : NaN);
  }

  /** One position; a point is a whole WKB point (with its header). */
  #position(p: Position, zi: number, mi: number, wrap: number): void {
    if (wrap === POINT) this.#type(POINT);
    const out = this.#out;
    out.ensure(32);
    out.f64le(p[0]);
    out.f64le(p[1]);
    if (this.#hasZ) out.f64le(zi >= 0 && typeof p[zi] === "number" && Number.isFinite(p[zi]) ? p[zi] : 0);
    if (this.#hasM) out.f64le(mi >= 0 && typeof p[mi] === "number" ? p[mi] : NaN);
  }

  /** A line string (with its header) or a polygon ring (without), growing the envelope. */
  #ring(ring: Position[], zi: number, mi: number, lineString: boolean): void {
    if (lineString) this.#type(LINESTRING);
    const out = this.#out;
    out.ensure(4);
    out.view.setUint32(out.length, ring.length, true);
    out.length += 4;
    const env = this.envelope;
    for (const p of ring) {
      const x = p[0];
      const y = p[1];
      if (x < env[0]) env[0] = x;
      if (x > env[1]) env[1] = x;
      if (y < env[2]) env[2] = y;
      if (y > env[3]) env[3] = y;
      this.#position(p, zi, mi, 0);
    }
  }
}
