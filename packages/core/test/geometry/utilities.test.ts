import { describe, expect, it } from "vitest";
import {
  bboxIntersects,
  classifyPointInRing,
  envelopeOf,
  groupRings,
  isClockwise,
  pointInRing,
  ringArea,
  toBBox,
} from "../../src/geometry/index.js";

const square = [
  [0, 0],
  [0, 10],
  [10, 10],
  [10, 0],
  [0, 0],
]; // clockwise with y up: an Esri exterior

describe("ringArea / isClockwise", () => {
  it("is negative for a clockwise ring and positive for the reverse", () => {
    expect(ringArea(square)).toBe(-100);
    expect(ringArea([...square].reverse())).toBe(100);
    expect(isClockwise(square)).toBe(true);
    expect(isClockwise([...square].reverse())).toBe(false);
  });

  it("does not need a closed ring", () => {
    expect(ringArea(square.slice(0, 4))).toBe(-100);
  });

  it("is 0 for degenerate rings", () => {
    expect(ringArea([])).toBe(0);
    expect(ringArea([[0, 0], [1, 1]])).toBe(0);
    expect(ringArea([[0, 0], [1, 1], [2, 2], [0, 0]])).toBe(0);
    expect(isClockwise([[0, 0], [1, 1], [0, 0]])).toBe(false);
  });

  it("keeps precision with large projected coordinates", () => {
    const x = 12745374.032152027;
    const y = 656587.5843799561;
    const tiny = [[x, y], [x, y + 0.5], [x + 0.5, y + 0.5], [x + 0.5, y], [x, y]];
    expect(ringArea(tiny)).toBeCloseTo(-0.25, 9);
  });
});

describe("pointInRing / classifyPointInRing", () => {
  it("tells inside, outside and boundary apart", () => {
    expect(classifyPointInRing([5, 5], square)).toBe("inside");
    expect(classifyPointInRing([15, 5], square)).toBe("outside");
    expect(classifyPointInRing([0, 5], square)).toBe("boundary");
    expect(classifyPointInRing([10, 10], square)).toBe("boundary");
    expect(classifyPointInRing([-1, 0], square)).toBe("outside");
  });

  it("counts the boundary as in", () => {
    expect(pointInRing([0, 5], square)).toBe(true);
    expect(pointInRing([5, 5], square)).toBe(true);
    expect(pointInRing([5, 11], square)).toBe(false);
  });

  it("handles concave rings and either orientation", () => {
    const u = [[0, 0], [0, 10], [3, 10], [3, 3], [7, 3], [7, 10], [10, 10], [10, 0], [0, 0]];
    expect(pointInRing([5, 5], u)).toBe(false);
    expect(pointInRing([5, 1], u)).toBe(true);
    expect(pointInRing([1, 9], [...u].reverse())).toBe(true);
  });
});

describe("bboxIntersects", () => {
  it("accepts arrays and envelopes, and counts touching as intersecting", () => {
    expect(bboxIntersects([0, 0, 10, 10], [5, 5, 15, 15])).toBe(true);
    expect(bboxIntersects([0, 0, 10, 10], { xmin: 10, ymin: 10, xmax: 20, ymax: 20 })).toBe(true);
    expect(bboxIntersects([0, 0, 10, 10], [10.0001, 0, 20, 10])).toBe(false);
    expect(bboxIntersects([0, 0, 10, 10], [2, 2, 3, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 10, 10], [0, 11, 10, 12])).toBe(false);
  });

  it("is false for empty boxes", () => {
    expect(bboxIntersects([0, 0, 10, 10], [Number.NaN, Number.NaN, Number.NaN, Number.NaN])).toBe(false);
  });

  it("reads 3D GeoJSON bboxes", () => {
    expect(toBBox([0, 1, 2, 3, 4, 5])).toEqual([0, 1, 3, 4]);
    expect(bboxIntersects([0, 1, -5, 3, 4, 5], [2, 3, 9, 9])).toBe(true);
  });
});

describe("envelopeOf", () => {
  it("covers every type, with Z and M ranges", () => {
    expect(envelopeOf({ x: 1, y: 2 })).toEqual({ xmin: 1, ymin: 2, xmax: 1, ymax: 2 });
    expect(envelopeOf({ x: 1, y: 2, z: 3 })).toEqual({ xmin: 1, ymin: 2, xmax: 1, ymax: 2, zmin: 3, zmax: 3 });
    expect(envelopeOf({ points: [[1, 5], [3, -2]], spatialReference: { wkid: 4326 } })).toEqual({
      xmin: 1,
      ymin: -2,
      xmax: 3,
      ymax: 5,
      spatialReference: { wkid: 4326 },
    });
    expect(envelopeOf({ hasM: true, paths: [[[0, 0, 7], [4, 2, 9]], [[-1, 8, 1], [0, 0, 2]]] })).toEqual({
      xmin: -1,
      ymin: 0,
      xmax: 4,
      ymax: 8,
      mmin: 1,
      mmax: 9,
    });
    expect(envelopeOf({ hasZ: true, hasM: true, rings: [[[0, 0, 1, 5], [0, 10, 2, 6], [10, 10, 3, 7], [10, 0, 4, 8]]] })).toEqual({
      xmin: 0,
      ymin: 0,
      xmax: 10,
      ymax: 10,
      zmin: 1,
      zmax: 4,
      mmin: 5,
      mmax: 8,
    });
    expect(envelopeOf({ xmin: 3, ymin: 4, xmax: 1, ymax: 2 })).toEqual({ xmin: 1, ymin: 2, xmax: 3, ymax: 4 });
  });

  it("ignores NaN vertices and returns null for empty geometries", () => {
    expect(envelopeOf({ points: [[1, 1], [Number.NaN, 50], [2, 3]] })).toEqual({ xmin: 1, ymin: 1, xmax: 2, ymax: 3 });
    expect(envelopeOf({ x: Number.NaN, y: Number.NaN })).toBeNull();
    expect(envelopeOf({ rings: [] })).toBeNull();
    expect(envelopeOf({ paths: [[[1, 1]]] })).toBeNull();
  });
});

describe("groupRings", () => {
  it("keeps Esri orientation and puts each hole with its exterior", () => {
    const hole = [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]];
    const other = [[20, 0], [20, 5], [25, 5], [25, 0], [20, 0]];
    expect(groupRings([hole, other, square])).toEqual([[other], [square, hole]]);
  });
});
