import { classifyPointInRing, groupRings, normalizeEsriGeometry } from "@arcrest/core/internal";
import { type EsriEnvelope, type EsriPolygon, type Position } from "@arcrest/core";
import { ExportValidationError } from "../errors.js";

/** `[xmin, ymin, xmax, ymax]`. */
export type Box = [number, number, number, number];

/** Where a point lies against a clip region. */
export type Containment = "inside" | "outside" | "boundary";

/**
 * The polygon features are clipped to: its rings (closed, as exterior + holes
 * groups), its edges and bounding box, ready for repeated point and segment tests.
 */
export class ClipRegion {
  /** Rings grouped as polygons: exterior first, then its holes (Esri orientation). */
  readonly polygons: Position[][][];
  /** Every ring, for the even-odd rule. */
  readonly rings: Position[][];
  /** Bounding box of the region. */
  readonly box: Box;

  /**
   * @param polygon - the clip polygon (Esri JSON polygon or envelope)
   * @throws ExportValidationError when it is not a polygon with area
   */
  constructor(polygon: EsriPolygon | EsriEnvelope) {
    let rings: Position[][];
    if ("xmin" in polygon) {
      const { xmin, ymin, xmax, ymax } = polygon;
      rings = [[[xmin, ymin], [xmin, ymax], [xmax, ymax], [xmax, ymin], [xmin, ymin]]];
    } else if ("rings" in polygon && Array.isArray(polygon.rings)) {
      const normalized = normalizeEsriGeometry({ rings: polygon.rings, hasZ: false, hasM: false }) as EsriPolygon;
      rings = normalized.rings.map((ring) => ring.map((p) => [p[0], p[1]]));
    } else {
      throw new ExportValidationError("The clip geometry must be an Esri JSON polygon (rings) or envelope", "polygon");
    }
    this.polygons = groupRings(rings);
    if (this.polygons.length === 0) {
      throw new ExportValidationError("The clip polygon has no ring with area", "polygon");
    }
    this.rings = this.polygons.flat();
    const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of this.rings) {
      for (const p of ring) {
        if (p[0] < box[0]) box[0] = p[0];
        if (p[1] < box[1]) box[1] = p[1];
        if (p[0] > box[2]) box[2] = p[0];
        if (p[1] > box[3]) box[3] = p[1];
      }
    }
    this.box = box;
  }

  /** Locates a point: inside, outside, or on an edge (holes count as outside). */
  locate(point: readonly number[]): Containment {
    const [x, y] = point;
    const b = this.box;
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return "outside";
    let inside = false;
    for (const ring of this.rings) {
      const where = classifyPointInRing(point, ring);
      if (where === "boundary") return "boundary";
      if (where === "inside") inside = !inside;
    }
    return inside ? "inside" : "outside";
  }

  /** Whether a point is inside or on the boundary. */
  covers(point: readonly number[]): boolean {
    return this.locate(point) !== "outside";
  }
}
