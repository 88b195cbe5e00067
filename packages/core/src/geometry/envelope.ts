import type { EsriEnvelope, SpatialReference } from "../types/esri-json.js";
import { bboxIntersects, type BBox, type BoundsLike } from "./bbox-intersects.js";

/**
 * A bounding box with its spatial reference, as returned by
 * `Geometry#envelope()`. It is an Esri JSON envelope (it can be sent as a query
 * geometry as is), and `toString()` gives `"xmin,ymin,xmax,ymax"`, the short
 * form the REST API accepts and the seed prints.
 */
export class Envelope implements EsriEnvelope {
  /** Smallest x (NaN when empty). */
  readonly xmin: number;
  /** Smallest y (NaN when empty). */
  readonly ymin: number;
  /** Largest x (NaN when empty). */
  readonly xmax: number;
  /** Largest y (NaN when empty). */
  readonly ymax: number;
  /** Smallest Z, when the geometry has Z values. */
  readonly zmin?: number;
  /** Largest Z, when the geometry has Z values. */
  readonly zmax?: number;
  /** Smallest M, when the geometry has M values. */
  readonly mmin?: number;
  /** Largest M, when the geometry has M values. */
  readonly mmax?: number;
  /** Spatial reference of the coordinates, when known. */
  readonly spatialReference?: SpatialReference;

  /**
   * @param init - bounds (and optional Z/M ranges and spatial reference)
   */
  constructor(init: EsriEnvelope) {
    this.xmin = init.xmin;
    this.ymin = init.ymin;
    this.xmax = init.xmax;
    this.ymax = init.ymax;
    if (init.zmin !== undefined && init.zmax !== undefined) {
      this.zmin = init.zmin;
      this.zmax = init.zmax;
    }
    if (init.mmin !== undefined && init.mmax !== undefined) {
      this.mmin = init.mmin;
      this.mmax = init.mmax;
    }
    if (init.spatialReference) this.spatialReference = { ...init.spatialReference };
  }

  /** An empty envelope (all bounds NaN), the envelope of an empty geometry. */
  static empty(spatialReference?: SpatialReference): Envelope {
    const nan = Number.NaN;
    return new Envelope({ xmin: nan, ymin: nan, xmax: nan, ymax: nan, spatialReference });
  }

  /** True when the envelope has no bounds (its geometry was empty). */
  get isEmpty(): boolean {
    return [this.xmin, this.ymin, this.xmax, this.ymax].some(Number.isNaN);
  }

  /** `xmax - xmin`. */
  get width(): number {
    return this.xmax - this.xmin;
  }

  /** `ymax - ymin`. */
  get height(): number {
    return this.ymax - this.ymin;
  }

  /** `[xmin, ymin, xmax, ymax]`, also a GeoJSON `bbox` when the coordinates are WGS84. */
  toBBox(): BBox {
    return [this.xmin, this.ymin, this.xmax, this.ymax];
  }

  /** True when this envelope and `other` share a point. */
  intersects(other: BoundsLike): boolean {
    return bboxIntersects(this, other);
  }

  /** Plain Esri JSON envelope (what `JSON.stringify` writes). */
  toJSON(): EsriEnvelope {
    const out: EsriEnvelope = { xmin: this.xmin, ymin: this.ymin, xmax: this.xmax, ymax: this.ymax };
    if (this.zmin !== undefined) Object.assign(out, { zmin: this.zmin, zmax: this.zmax });
    if (this.mmin !== undefined) Object.assign(out, { mmin: this.mmin, mmax: this.mmax });
    if (this.spatialReference) out.spatialReference = { ...this.spatialReference };
    return out;
  }

  /** `"xmin,ymin,xmax,ymax"` (the REST API's short envelope form). */
  toString(): string {
    return `${this.xmin},${this.ymin},${this.xmax},${this.ymax}`;
  }
}
