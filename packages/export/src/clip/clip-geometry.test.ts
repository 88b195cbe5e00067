import type { EsriPolygon, EsriPolyline, EsriMultipoint, Position } from "@arcrest/core";
import { describe, expect, it } from "vitest";
import { ExportValidationError } from "../errors.js";
import { clipGeometry } from "./clip-geometry.js";

// Esri rings: exteriors clockwise, holes counter-clockwise.
const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]];
const hole = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** Clip region: 0..10 square with a 4..6 hole. */
const donut: EsriPolygon = { rings: [square(0, 0, 10, 10), hole(4, 4, 6, 6)] };

function area(rings: Position[][]): number {
  // Esri: clockwise exteriors count positive.
  let total = 0;
  for (const ring of rings) {
    let sum = 0;
    for (let i = 0; i + 1 < ring.length; i++) sum += ring[i + 1][0] * ring[i][1] - ring[i][0] * ring[i + 1][1];
    total += sum / 2;
  }
  return total;
}

describe("clipGeometry: points", () => {
  it("keeps points inside and on the boundary, drops those outside or in a hole", () => {
    expect(clipGeometry({ x: 1, y: 1 }, donut)).toEqual({ x: 1, y: 1 });
    expect(clipGeometry({ x: 0, y: 5 }, donut)).not.toBeNull();
    expect(clipGeometry({ x: 5, y: 5 }, donut)).toBeNull();
    expect(clipGeometry({ x: 11, y: 5 }, donut)).toBeNull();
    const mp = clipGeometry({ points: [[1, 1], [5, 5], [20, 20], [9, 9]] }, donut) as EsriMultipoint;
    expect(mp.points).toEqual([[1, 1], [9, 9]]);
  });
});

describe("clipGeometry: lines", () => {
  it("cuts a line crossing the region and its hole into the pieces inside", () => {
    const line = clipGeometry({ paths: [[[-5, 5], [15, 5]]] }, donut) as EsriPolyline;
    expect(line.paths).toEqual([
      [[0, 5], [4, 5]],
      [[6, 5], [10, 5]],
    ]);
  });

  it("interpolates z and m at the cuts", () => {
    const line = clipGeometry({ paths: [[[-10, 1, 0, 100], [10, 1, 20, 200]]], hasZ: true, hasM: true }, donut) as EsriPolyline;
    expect(line.paths).toEqual([[[0, 1, 10, 150], [10, 1, 20, 200]]]);
    expect(line.hasZ).toBe(true);
  });

  it("keeps a path inside whole, joins consecutive inside segments, drops a path outside", () => {
    const line = clipGeometry({ paths: [[[1, 1], [2, 2], [3, 1]], [[20, 20], [30, 30]]] }, donut) as EsriPolyline;
    expect(line.paths).toEqual([[[1, 1], [2, 2], [3, 1]]]);
    expect(clipGeometry({ paths: [[[20, 20], [30, 30]]] }, donut)).toBeNull();
  });

  it("handles a path leaving and re-entering (one input path, two output paths)", () => {
    const concave: EsriPolygon = { rings: [[[0, 0], [0, 10], [10, 10], [10, 0], [6, 0], [6, 8], [4, 8], [4, 0], [0, 0]]] };
    const line = clipGeometry({ paths: [[[1, 4], [9, 4]]] }, concave) as EsriPolyline;
    expect(line.paths).toEqual([
      [[1, 4], [4, 4]],
      [[6, 4], [9, 4]],
    ]);
  });
});

describe("clipGeometry: polygons", () => {
  it("intersects a polygon with the region (holes on the clip side)", () => {
    const result = clipGeometry({ rings: [square(5, -5, 15, 15)] }, donut) as EsriPolygon;
    // The right half 5..10 x 0..10 (50) minus the part of the hole in it (5..6 x 4..6 = 2).
    expect(area(result.rings)).toBeCloseTo(48, 9);
  });

  it("keeps the subject's holes and parts, returns Esri orientation", () => {
    const subject: EsriPolygon = { rings: [square(1, 1, 3, 9), hole(1.5, 2, 2.5, 3), square(8, 8, 20, 20)] };
    const result = clipGeometry(subject, donut) as EsriPolygon;
    // 2x8 strip with a 1x1 hole (15) plus 8..10 x 8..10 (4).
    expect(area(result.rings)).toBeCloseTo(19, 9);
    expect(result.rings).toHaveLength(3);
    const signs = result.rings.map((r) => Math.sign(area([r])));
    expect(signs.sort()).toEqual([-1, 1, 1]);
  });

  it("returns null when nothing is left, including a polygon inside the hole", () => {
    expect(clipGeometry({ rings: [square(20, 20, 30, 30)] }, donut)).toBeNull();
    expect(clipGeometry({ rings: [square(4.5, 4.5, 5.5, 5.5)] }, donut)).toBeNull();
  });

  it("carries z over for kept vertices and interpolates it on cut edges", () => {
    const subject: EsriPolygon = { rings: [[[-2, 1, 0], [-2, 3, 0], [2, 3, 40], [2, 1, 40], [-2, 1, 0]]], hasZ: true };
    const result = clipGeometry(subject, { rings: [square(0, 0, 10, 10)] }) as EsriPolygon;
    const zByX = new Map(result.rings[0].map((p) => [p[0], p[2]]));
    expect(zByX.get(2)).toBe(40);
    expect(zByX.get(0)).toBeCloseTo(20, 9);
  });

  it("accepts an envelope as clip region and rejects anything that is not a polygon", () => {
    const result = clipGeometry({ rings: [square(-1, -1, 1, 1)] }, { xmin: 0, ymin: 0, xmax: 5, ymax: 5 }) as EsriPolygon;
    expect(area(result.rings)).toBeCloseTo(1, 9);
    expect(() => clipGeometry({ x: 1, y: 1 }, { paths: [] } as unknown as EsriPolygon)).toThrow(ExportValidationError);
    expect(() => clipGeometry({ x: 1, y: 1 }, { rings: [[[0, 0], [1, 1], [0, 0]]] })).toThrow(ExportValidationError);
  });
});
