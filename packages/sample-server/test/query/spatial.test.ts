import { describe, expect, it } from "vitest";
import type { SampleLayer } from "../../src/data/types.js";
import { executeQuery } from "../../src/query/index.js";
import { toWebMercator } from "../../src/query/projection.js";
import { bodyOf, field, pointLayer, polygonLayer } from "./layers.js";

function ids(layer: SampleLayer, params: Record<string, string>): number[] {
  const body = bodyOf(executeQuery(layer, { f: "json", returnIdsOnly: "true", ...params }));
  if (body.error) throw new Error(JSON.stringify(body.error));
  return body.objectIds as number[];
}

const polygons = polygonLayer();
const point = (x: number, y: number) => ({ geometry: JSON.stringify({ x, y }), geometryType: "esriGeometryPoint" });
const envelope = (xmin: number, ymin: number, xmax: number, ymax: number) => ({
  geometry: `${xmin},${ymin},${xmax},${ymax}`,
  geometryType: "esriGeometryEnvelope",
});
const polygon = (rings: number[][][]) => ({ geometry: JSON.stringify({ rings }), geometryType: "esriGeometryPolygon" });

describe("spatial filters on polygons with holes and multiple parts", () => {
  it("a point in the hole does not intersect; in the ring it does; on the hole's edge it does", () => {
    expect(ids(polygons, point(5, 5))).toEqual([]);
    expect(ids(polygons, point(2, 2))).toEqual([1]);
    expect(ids(polygons, point(4, 5))).toEqual([1]);
  });

  it("either part of a multipart polygon intersects", () => {
    expect(ids(polygons, point(21, 21))).toEqual([2]);
    expect(ids(polygons, point(31, 31))).toEqual([2]);
    expect(ids(polygons, point(25, 25))).toEqual([]);
  });

  it("envelopes: crossing an edge, lying inside the hole, containing a part", () => {
    expect(ids(polygons, envelope(9, 9, 12, 12))).toEqual([1]);
    expect(ids(polygons, envelope(4.5, 4.5, 5.5, 5.5))).toEqual([]);
    expect(ids(polygons, envelope(29, 29, 40, 40))).toEqual([2]);
    expect(ids(polygons, envelope(-10, -10, 200, 200))).toEqual([1, 2, 3]);
  });

  it("a query polygon wholly inside a feature intersects it (no edges cross)", () => {
    expect(ids(polygons, polygon([[[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]))).toEqual([1]);
  });

  it("a line crossing the hole but not the ring still intersects; a line inside the hole does not", () => {
    const line = (paths: number[][][]) => ({ geometry: JSON.stringify({ paths }), geometryType: "esriGeometryPolyline" });
    expect(ids(polygons, line([[[4.5, 5], [5.5, 5]]]))).toEqual([]);
    expect(ids(polygons, line([[[-1, 5], [11, 5]]]))).toEqual([1]);
  });

  it("multipoint query geometries", () => {
    const mp = { geometry: JSON.stringify({ points: [[5, 5], [31, 31]] }), geometryType: "esriGeometryMultipoint" };
    expect(ids(polygons, mp)).toEqual([2]);
  });

  it("esriSpatialRelContains: the query geometry contains the feature", () => {
    expect(ids(polygons, { ...envelope(-1, -1, 11, 11), spatialRel: "esriSpatialRelContains" })).toEqual([1]);
    expect(ids(polygons, { ...envelope(19, 19, 23, 23), spatialRel: "esriSpatialRelContains" })).toEqual([]); // only one part inside
    expect(ids(polygons, { ...envelope(19, 19, 33, 33), spatialRel: "esriSpatialRelContains" })).toEqual([2]);
  });

  it("esriSpatialRelWithin: the query geometry lies within the feature (not in its hole)", () => {
    expect(ids(polygons, { ...envelope(1, 1, 2, 2), spatialRel: "esriSpatialRelWithin" })).toEqual([1]);
    expect(ids(polygons, { ...envelope(3, 3, 7, 7), spatialRel: "esriSpatialRelWithin" })).toEqual([]); // spans the hole
    expect(ids(polygons, { ...point(2, 2), spatialRel: "esriSpatialRelWithin" })).toEqual([1]);
  });

  it("esriSpatialRelEnvelopeIntersects matches on the feature's envelope (hole ignored)", () => {
    expect(ids(polygons, { ...point(5, 5), spatialRel: "esriSpatialRelEnvelopeIntersects" })).toEqual([1]);
    expect(ids(polygons, { ...point(25, 25), spatialRel: "esriSpatialRelEnvelopeIntersects" })).toEqual([2]);
  });

  it("unsupported relations and bad geometries are 400 error bodies", () => {
    const bad = (params: Record<string, string>) => (bodyOf(executeQuery(polygons, params)).error as { code: number }).code;
    expect(bad({ ...point(1, 1), spatialRel: "esriSpatialRelBogus" })).toBe(400);
    expect(bad({ geometry: "{not json", geometryType: "esriGeometryPolygon" })).toBe(400);
    expect(bad({ geometry: "1,2,3", geometryType: "esriGeometryEnvelope" })).toBe(400);
    expect(bad({ geometry: "1,2", geometryType: "esriGeometryBox" })).toBe(400);
    expect(bad({ ...point(1, 1), inSR: "2227" })).toBe(400);
  });
});

describe("spatial filters on points", () => {
  const points = pointLayer({ count: 50 }); // feature i at (-120 + i/100, 35 + i/200)

  it("envelope short form and JSON give the same answer", () => {
    const short = ids(points, envelope(-119.905, 35, -119.795, 36));
    const json = ids(points, { geometry: JSON.stringify({ xmin: -119.905, ymin: 35, xmax: -119.795, ymax: 36 }), geometryType: "esriGeometryEnvelope" });
    expect(short).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(json).toEqual(short);
  });

  it("inSR 3857 and a spatialReference inside the geometry are projected to the layer", () => {
    const [xmin, ymin] = toWebMercator(-119.905, 35);
    const [xmax, ymax] = toWebMercator(-119.795, 36);
    const expected = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    expect(ids(points, { ...envelope(xmin, ymin, xmax, ymax), inSR: "102100" })).toEqual(expected);
    expect(ids(points, { geometry: JSON.stringify({ xmin, ymin, xmax, ymax, spatialReference: { wkid: 3857 } }), geometryType: "esriGeometryEnvelope" })).toEqual(expected);
  });

  it("distance + units buffers a query point", () => {
    // Feature 10 at (-119.9, 35.05); feature 11 is ~1.0 km away, feature 12 ~2.0 km.
    const near = { ...point(-119.9, 35.05), distance: "1500", units: "esriSRUnit_Meter" };
    expect(ids(points, near)).toEqual([9, 10, 11]);
    expect(ids(points, { ...near, distance: "1.5", units: "esriSRUnit_Kilometer" })).toEqual([9, 10, 11]);
    expect(ids(points, { ...near, distance: String(1500 / 0.3048), units: "esriSRUnit_Foot" })).toEqual([9, 10, 11]);
    expect(ids(points, { ...near, distance: "1.5", units: "esriSRUnit_StatuteMile" })).toEqual([8, 9, 10, 11, 12]);
  });

  it("a layer stored in Web Mercator is filtered in its own coordinates", () => {
    const mercator = pointLayer({ count: 50, wkid: 102100 });
    for (const f of mercator.features) {
      const g = f.geometry as { x: number; y: number };
      [g.x, g.y] = toWebMercator(g.x, g.y);
    }
    expect(ids(mercator, { ...envelope(-119.905, 35, -119.795, 36), inSR: "4326" })).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(ids(mercator, { ...point(-119.9, 35.05), inSR: "4326", distance: "1500", units: "esriSRUnit_Meter" })).toEqual([9, 10, 11]);
  });

  it("tables ignore geometry parameters", () => {
    const table: SampleLayer = { ...pointLayer({ count: 3 }), type: "Table", geometryType: undefined, fields: [field("objectid", "OID")] };
    expect(ids(table, envelope(0, 0, 1, 1))).toEqual([1, 2, 3]);
  });
});

describe("spatial filters on lines", () => {
  const lines: SampleLayer = {
    ...polygonLayer(),
    geometryType: "esriGeometryPolyline",
    features: [
      { attributes: { objectid: 1 }, geometry: { paths: [[[0, 0], [10, 10]]] } },
      { attributes: { objectid: 2 }, geometry: { paths: [[[0, 10], [1, 9]], [[20, 20], [30, 20]]] } },
    ],
  };

  it("crossing, touching and missing a multipart line", () => {
    expect(ids(lines, envelope(4, 4, 6, 6))).toEqual([1]);
    expect(ids(lines, envelope(25, 15, 26, 25))).toEqual([2]);
    expect(ids(lines, polygon([[[6, 0], [6, 4], [10, 4], [10, 0], [6, 0]]]))).toEqual([]);
    expect(ids(lines, point(5, 5))).toEqual([1]);
  });
});
