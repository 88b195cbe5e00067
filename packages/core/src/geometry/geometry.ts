import type { EsriGeometry, EsriGeometryLike, FeatureGeometryLike, FeatureSet, GeometryType, SpatialReference } from "../types/esri-json.js";
import { Envelope } from "./envelope.js";
import { envelopeOf } from "./envelope-of.js";
import { esriToGeoJSON } from "./esri-to-geojson.js";
import type { GeoJSONFeature, GeoJSONFeatureCollection, GeoJSONGeometry } from "./geojson-types.js";
import { toQueryParams, type GeometryQueryParams } from "./query-params.js";
import { isEmptyGeometry, readGeometry, rememberGeometry, withSpatialReference, type GeometryParts } from "./read-geometry.js";

/**
 * Everything {@link Geometry} (and every function taking "a geometry") accepts:
 * - an Esri JSON geometry of any type, an Esri feature or feature set (its first feature);
 * - a GeoJSON geometry, Feature or FeatureCollection (its first feature), in WGS84
 *   unless it carries an old-style `crs` member;
 * - `[x, y]` or `[x, y, z]` (a point) or a bbox `[xmin, ymin, xmax, ymax]`
 *   (or `[xmin, ymin, zmin, xmax, ymax, zmax]`), an envelope;
 * - a JSON string of any of those, or the short forms `"x,y"` and `"xmin,ymin,xmax,ymax"`;
 * - another {@link Geometry}.
 */
export type GeometryInput =
  | Geometry
  | EsriGeometryLike
  | EsriFeatureLike
  | EsriFeatureSetLike
  | GeoJSONGeometry
  | GeoJSONFeature
  | GeoJSONFeatureCollection
  | readonly number[]
  | string;

/** An Esri JSON feature as far as {@link Geometry} needs it (attributes may be missing). */
export type EsriFeatureLike = {
  /** The geometry (`IFeature` geometries of `@esri/arcgis-rest-request` included). */
  geometry?: FeatureGeometryLike | null;
  /** The attributes (not needed for a geometry). */
  attributes?: Record<string, unknown>;
};

/**
 * An Esri JSON feature set as far as {@link Geometry} needs it: query responses,
 * and the GP-style `{ geometryType, features, sr }` of the seed.
 */
export type EsriFeatureSetLike = Omit<FeatureSet<Record<string, unknown>>, "features"> & {
  /** The features; the first one's geometry is used. */
  features: readonly EsriFeatureLike[];
  /** Spatial reference as GP services and the seed write it. */
  sr?: SpatialReference;
};

/** Options of the {@link Geometry} constructor. */
export interface GeometryOptions {
  /**
   * Spatial reference of the coordinates (a wkid or a full spatial reference).
   * Overrides the one found in the input; needed for `[x, y]` and bboxes, which have none.
   */
  spatialReference?: SpatialReference | number;
}

/**
 * A geometry, whatever form it came in, with the members a REST client needs:
 * its type, spatial reference, envelope, Esri JSON, GeoJSON, and the
 * parameters of a spatial query.
 *
 * The geometry is stored as normalized Esri JSON (see `normalizeEsriGeometry`:
 * NaN vertices dropped, rings closed, degenerate rings dropped) and never
 * changes; every `to*` method returns a fresh copy.
 *
 * @example
 * ```ts
 * const g = new Geometry([-121.5, 38.3, -121.2, 38.6], { spatialReference: 4326 });
 * g.geometryType;            // "esriGeometryEnvelope"
 * String(g.envelope());      // "-121.5,38.3,-121.2,38.6"
 * lyr.query({ geometry: g }) // any Geometry input works as a spatial filter
 * ```
 */
export class Geometry {
  /** The `esriGeometry*` type. */
  readonly geometryType: GeometryType;
  /** Spatial reference of the coordinates, when known. */
  readonly spatialReference: SpatialReference | undefined;
  readonly #parts: GeometryParts;

  /**
   * @param input - any {@link GeometryInput}
   * @param options - spatial reference to use
   * @throws GeometryError when the input is not a geometry
   */
  constructor(input: GeometryInput, options: GeometryOptions = {}) {
    const read = readGeometry(input);
    const parts = options.spatialReference === undefined ? read : withSpatialReference(read, options.spatialReference);
    this.#parts = parts;
    this.spatialReference = parts.spatialReference;
    this.geometryType = parts.geometryType;
    rememberGeometry(this, parts);
  }

  /**
   * A `Geometry` from any {@link GeometryInput}; returns `input` itself when it
   * already is one and no options are given (geometries never change).
   */
  static from(input: GeometryInput, options?: GeometryOptions): Geometry {
    if (input instanceof Geometry && options?.spatialReference === undefined) return input;
    return new Geometry(input, options);
  }

  /** True when the geometry has Z values. */
  get hasZ(): boolean {
    const g = this.#parts.esri as { z?: number; hasZ?: boolean; zmin?: number };
    return this.geometryType === "esriGeometryPoint" ? g.z !== undefined : this.geometryType === "esriGeometryEnvelope" ? g.zmin !== undefined : g.hasZ === true;
  }

  /** True when the geometry has M values. */
  get hasM(): boolean {
    const g = this.#parts.esri as { m?: number; hasM?: boolean; mmin?: number };
    return this.geometryType === "esriGeometryPoint" ? g.m !== undefined : this.geometryType === "esriGeometryEnvelope" ? g.mmin !== undefined : g.hasM === true;
  }

  /** True when there are no coordinates (an empty point, no parts, an envelope without bounds). */
  get isEmpty(): boolean {
    return isEmptyGeometry(this.#parts);
  }

  /** The bounding box, with Z/M ranges when present and the spatial reference; all NaN when empty. */
  envelope(): Envelope {
    const e = envelopeOf(this.#parts.esri);
    if (!e) return Envelope.empty(this.spatialReference);
    return new Envelope({ ...e, spatialReference: this.spatialReference });
  }

  /** Esri JSON, with the spatial reference when known. An empty point is `{ x: NaN, y: NaN }` (JSON `null`). */
  toEsriJSON(): EsriGeometry {
    const copy = copyEsri(this.#parts.esri);
    if (this.spatialReference) copy.spatialReference = { ...this.spatialReference };
    return copy;
  }

  /**
   * GeoJSON geometry (see {@link esriToGeoJSON}: holes in their exteriors, RFC 7946
   * ring orientation, M dropped), or `null` when empty. Coordinates are not projected.
   */
  toGeoJSON(): GeoJSONGeometry | null {
    return esriToGeoJSON(this.#parts.esri);
  }

  /**
   * `geometry`, `geometryType` and `inSR` for a query's spatial filter; points
   * and envelopes without Z/M use the short forms `"x,y"` and `"xmin,ymin,xmax,ymax"`.
   *
   * @throws GeometryError when the geometry is empty
   */
  toQueryParams(): GeometryQueryParams {
    return toQueryParams(this.#parts);
  }

  /** Esri JSON, so `JSON.stringify(geometry)` and the request pipeline send Esri JSON. */
  toJSON(): EsriGeometry {
    return this.toEsriJSON();
  }
}

/** A deep copy of Esri JSON (its coordinate arrays included), so callers can never change a geometry's own. */
function copyEsri(g: EsriGeometry): EsriGeometry {
  const copy: Record<string, unknown> = { ...g };
  if ("points" in g) copy.points = g.points.map((p) => [...p]);
  if ("paths" in g) copy.paths = g.paths.map((path) => path.map((p) => [...p]));
  if ("rings" in g) copy.rings = g.rings.map((ring) => ring.map((p) => [...p]));
  return copy as unknown as EsriGeometry;
}
