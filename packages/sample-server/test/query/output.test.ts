import { describe, expect, it } from "vitest";
import type { SampleLayer } from "../../src/data/types.js";
import { executeQuery } from "../../src/query/index.js";
import { signedArea2 } from "../../src/query/output/geojson-geometry.js";
import { bodyOf, field, pointLayer, polygonLayer } from "./layers.js";

type Feature = { attributes: Record<string, unknown>; geometry?: Record<string, unknown> };

function run(layer: SampleLayer, params: Record<string, string>): Record<string, unknown> {
  const body = bodyOf(executeQuery(layer, { f: "json", ...params }));
  if (body.error) throw new Error(JSON.stringify(body.error));
  return body;
}

describe("Esri JSON output", () => {
  const layer = pointLayer({ count: 5 });

  it("writes the feature-set envelope with only the requested fields, case-insensitively", () => {
    const body = run(layer, { where: "1=1", outFields: "NAME, State" });
    expect(body.objectIdFieldName).toBe("objectid");
    expect(body.geometryType).toBe("esriGeometryPoint");
    expect(body.spatialReference).toEqual({ wkid: 4326, latestWkid: 4326 });
    expect((body.fields as { name: string }[]).map((f) => f.name)).toEqual(["name", "state"]);
    expect(body.fieldAliases).toEqual({ name: "NAME", state: "STATE" });
    const first = (body.features as Feature[])[0];
    expect(first.attributes).toEqual({ name: "Gauge 1", state: "OR" });
    expect(first.geometry).toEqual({ x: -119.99, y: 35.005 });
  });

  it("outFields=* returns every field; no outFields returns the object id only", () => {
    expect(Object.keys((run(layer, { outFields: "*" }).features as Feature[])[0].attributes)).toEqual([
      "objectid", "name", "state", "stage", "obstime", "status",
    ]);
    expect((run(layer, {}).features as Feature[])[0].attributes).toEqual({ objectid: 1 });
  });

  it("an unknown outField is a 400 error body", () => {
    const body = bodyOf(executeQuery(layer, { outFields: "name,nosuch" }));
    expect(body.error).toMatchObject({ code: 400, message: "Unable to complete operation." });
    expect(JSON.stringify(body.error)).toContain("nosuch");
  });

  it("returnGeometry=false leaves geometry out", () => {
    const features = run(layer, { returnGeometry: "false" }).features as Feature[];
    expect(features[0]).not.toHaveProperty("geometry");
  });

  it("outSR=3857 writes Web Mercator as 102100/3857, and back to 4326 round-trips", () => {
    const mercator = run(layer, { outSR: "3857", objectIds: "1" });
    expect(mercator.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    const g = (mercator.features as Feature[])[0].geometry as { x: number; y: number };
    expect(g.x).toBeCloseTo(-119.99 * 111319.49079327357, 4);
    expect(g.y).toBeCloseTo(4164560.6449, 3); // spherical Mercator of 35.005° N
    expect(run(layer, { outSR: JSON.stringify({ wkid: 102100 }) }).spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    expect(run(layer, { outSR: "102113" }).spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });

    const stored: SampleLayer = { ...layer, wkid: 3857, features: [{ attributes: { objectid: 1 }, geometry: { x: g.x, y: g.y } }] };
    const back = run(stored, { outSR: "4326" });
    expect(back.spatialReference).toEqual({ wkid: 4326, latestWkid: 4326 });
    const p = (back.features as Feature[])[0].geometry as { x: number; y: number };
    expect(p.x).toBeCloseTo(-119.99, 9);
    expect(p.y).toBeCloseTo(35.005, 9);
  });

  it("an unsupported outSR is a 400 error body", () => {
    expect(bodyOf(executeQuery(layer, { outSR: "2227" })).error).toMatchObject({ code: 400 });
  });

  it("geometryPrecision rounds coordinates", () => {
    const g = (run(layer, { outSR: "3857", geometryPrecision: "1", objectIds: "1" }).features as Feature[])[0].geometry;
    expect(g).toEqual({ x: -13357225.7, y: expect.any(Number) });
    expect(String((g as { y: number }).y).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it("returnZ / returnM add z and m only when asked and the layer has them", () => {
    const zm: SampleLayer = {
      ...polygonLayer(),
      geometryType: "esriGeometryPolyline",
      hasZ: true,
      hasM: true,
      features: [{ attributes: { objectid: 1 }, geometry: { paths: [[[0, 0, 5, 100], [1, 1, 6, 200]]] } }],
    };
    expect((run(zm, {}).features as Feature[])[0].geometry).toEqual({ paths: [[[0, 0], [1, 1]]] });
    const both = run(zm, { returnZ: "true", returnM: "true" });
    expect(both.hasZ).toBe(true);
    expect(both.hasM).toBe(true);
    expect((both.features as Feature[])[0].geometry).toEqual({ hasZ: true, hasM: true, paths: [[[0, 0, 5, 100], [1, 1, 6, 200]]] });
    expect((run(zm, { returnM: "true" }).features as Feature[])[0].geometry).toEqual({ hasM: true, paths: [[[0, 0, 100], [1, 1, 200]]] });
    expect((run(layer, { returnZ: "true" }).features as Feature[])[0].geometry).toEqual({ x: -119.99, y: 35.005 });
  });

  it("returnExtentOnly gives the envelope of the matches, with the count when asked", () => {
    const body = run(layer, { returnExtentOnly: "true", returnCountOnly: "true", where: "objectid <= 2" });
    expect(body).toEqual({
      count: 2,
      extent: { xmin: -119.99, ymin: 35.005, xmax: -119.98, ymax: 35.01, spatialReference: { wkid: 4326, latestWkid: 4326 } },
    });
  });

  it("f=pjson answers the same body (the server pretty-prints)", () => {
    expect(bodyOf(executeQuery(layer, { f: "pjson", objectIds: "2" }))).toEqual(bodyOf(executeQuery(layer, { f: "json", objectIds: "2" })));
  });

  it("an unsupported f is a 400 error body", () => {
    expect(bodyOf(executeQuery(layer, { f: "kmz" })).error).toMatchObject({ code: 400 });
  });
});

describe("GeoJSON output", () => {
  it("writes a FeatureCollection in 4326 with ids and the flag in properties when exceeded", () => {
    const mercator = pointLayer({ count: 3, maxRecordCount: 2, wkid: 3857 });
    mercator.features.forEach((f, i) => (f.geometry = { x: 1113194.9079327357 * (i + 1), y: 0 }));
    const outcome = executeQuery(mercator, { f: "geojson", outFields: "name" });
    expect(outcome.contentType).toContain("geo+json");
    const body = bodyOf(outcome);
    expect(body.type).toBe("FeatureCollection");
    expect(body.properties).toEqual({ exceededTransferLimit: true });
    const features = body.features as { type: string; id: number; geometry: { type: string; coordinates: number[] }; properties: unknown }[];
    expect(features).toHaveLength(2);
    expect(features[0].id).toBe(1);
    expect(features[0].properties).toEqual({ name: "Gauge 1" });
    expect(features[0].geometry.type).toBe("Point");
    expect(features[1].geometry.coordinates[0]).toBeCloseTo(20, 9);
    expect(features[1].geometry.coordinates[1]).toBeCloseTo(0, 9);
    expect(bodyOf(executeQuery(mercator, { f: "geojson", objectIds: "1" }))).not.toHaveProperty("properties");
  });

  it("orients rings per RFC 7946 and nests holes; multipart polygons become MultiPolygons", () => {
    const body = bodyOf(executeQuery(polygonLayer(), { f: "geojson", outFields: "*" }));
    const features = body.features as { geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
    const holed = features[0].geometry;
    expect(holed.type).toBe("Polygon");
    const rings = holed.coordinates as number[][][];
    expect(rings).toHaveLength(2);
    expect(signedArea2(rings[0])).toBeGreaterThan(0); // exterior counter-clockwise
    expect(signedArea2(rings[1])).toBeLessThan(0); // hole clockwise
    const multi = features[1].geometry;
    expect(multi.type).toBe("MultiPolygon");
    expect((multi.coordinates as number[][][][]).map((p) => p.length)).toEqual([1, 1]);
    for (const polygon of multi.coordinates as number[][][][]) expect(signedArea2(polygon[0])).toBeGreaterThan(0);
  });

  it("a hole listed before its exterior is still assigned to it", () => {
    const layer = polygonLayer();
    const rings = (layer.features[0].geometry as { rings: number[][][] }).rings;
    layer.features[0].geometry = { rings: [rings[1], rings[0]] };
    const g = (bodyOf(executeQuery(layer, { f: "geojson", objectIds: "1" })).features as { geometry: { type: string; coordinates: number[][][] } }[])[0].geometry;
    expect(g.type).toBe("Polygon");
    expect(g.coordinates).toHaveLength(2);
  });

  it("polylines become LineString or MultiLineString", () => {
    const lines: SampleLayer = {
      ...polygonLayer(),
      geometryType: "esriGeometryPolyline",
      features: [
        { attributes: { objectid: 1 }, geometry: { paths: [[[0, 0], [1, 1]]] } },
        { attributes: { objectid: 2 }, geometry: { paths: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] } },
      ],
    };
    const types = (bodyOf(executeQuery(lines, { f: "geojson" })).features as { geometry: { type: string } }[]).map((f) => f.geometry.type);
    expect(types).toEqual(["LineString", "MultiLineString"]);
  });
});

describe("statistics", () => {
  const layer = pointLayer({ count: 20 });
  const stats = (list: unknown[], extra: Record<string, string> = {}) => run(layer, { outStatistics: JSON.stringify(list), ...extra });

  it("computes count/sum/min/max/avg/stddev/var over the matches", () => {
    const body = stats(
      [
        { statisticType: "count", onStatisticField: "objectid", outStatisticFieldName: "n" },
        { statisticType: "count", onStatisticField: "stage", outStatisticFieldName: "n_stage" },
        { statisticType: "sum", onStatisticField: "objectid", outStatisticFieldName: "total" },
        { statisticType: "min", onStatisticField: "OBJECTID", outStatisticFieldName: "THE_MIN" },
        { statisticType: "max", onStatisticField: "name", outStatisticFieldName: "last_name" },
        { statisticType: "avg", onStatisticField: "objectid", outStatisticFieldName: "mean" },
        { statisticType: "stddev", onStatisticField: "objectid", outStatisticFieldName: "sd" },
        { statisticType: "var", onStatisticField: "objectid", outStatisticFieldName: "v" },
      ],
      { where: "objectid <= 4" },
    );
    const features = body.features as Feature[];
    expect(features).toHaveLength(1);
    const a = features[0].attributes;
    expect(a).toMatchObject({ n: 4, n_stage: 4, total: 10, THE_MIN: 1, last_name: "Gauge 4", mean: 2.5 });
    expect(a.v as number).toBeCloseTo(5 / 3, 12);
    expect(a.sd as number).toBeCloseTo(Math.sqrt(5 / 3), 12);
    const types = Object.fromEntries((body.fields as { name: string; type: string }[]).map((f) => [f.name, f.type]));
    expect(types).toMatchObject({ n: "esriFieldTypeInteger", THE_MIN: "esriFieldTypeInteger", last_name: "esriFieldTypeString", mean: "esriFieldTypeDouble" });
    expect(body.displayFieldName).toBe("");
  });

  it("groups by fields, orders groups, and counts only non-null values", () => {
    const body = stats(
      [
        { statisticType: "count", onStatisticField: "stage", outStatisticFieldName: "n" },
        { statisticType: "max", onStatisticField: "stage", outStatisticFieldName: "top" },
      ],
      { groupByFieldsForStatistics: "STATE", orderByFields: "n DESC, state" },
    );
    const rows = (body.features as Feature[]).map((f) => f.attributes);
    // States cycle with i % 5; stage is null for i = 7 and 14 (states AZ... see layers.ts).
    expect(rows.map((r) => r.state)).toEqual(["CA", "NV", "OR", "WA", "AZ"].sort((x, y) => {
      const n = (s: string) => rows.find((r) => r.state === s)!.n as number;
      return n(y) - n(x) || (x < y ? -1 : 1);
    }));
    const total = rows.reduce((acc, r) => acc + (r.n as number), 0);
    expect(total).toBe(18);
    expect((body.fields as { name: string }[]).map((f) => f.name)).toEqual(["state", "n", "top"]);
    const az = rows.find((r) => r.state === "AZ")!; // objectids 4, 9, 14 (null), 19
    expect(az).toEqual({ state: "AZ", n: 3, top: 19 * 1.5 });
  });

  it("reports unknown fields and statistic types as 400 errors", () => {
    const error = (list: unknown) => bodyOf(executeQuery(layer, { outStatistics: JSON.stringify(list) })).error;
    expect(error([{ statisticType: "median", onStatisticField: "objectid" }])).toMatchObject({ code: 400 });
    expect(error([{ statisticType: "sum", onStatisticField: "nosuch" }])).toMatchObject({ code: 400 });
    expect(error([{ statisticType: "sum", onStatisticField: "name" }])).toMatchObject({ code: 400 });
    expect(bodyOf(executeQuery(layer, { outStatistics: "[{" })).error).toMatchObject({ code: 400 });
  });
});

describe("distinct values", () => {
  const layer = pointLayer({ count: 20 });

  it("returns each combination once, sorted, with geometry left out", () => {
    const body = run(layer, { returnDistinctValues: "true", outFields: "state", returnGeometry: "false" });
    expect((body.features as Feature[]).map((f) => f.attributes)).toEqual(["AZ", "CA", "NV", "OR", "WA"].map((state) => ({ state })));
    expect(run(layer, { returnDistinctValues: "true", outFields: "state,status", returnCountOnly: "true" })).toEqual({ count: 15 });
  });

  it("works on tables", () => {
    const table: SampleLayer = { ...layer, type: "Table", geometryType: undefined, fields: [field("objectid", "OID"), field("state", "String")] };
    expect((run(table, { returnDistinctValues: "true", outFields: "state", where: "state < 'M'" }).features as Feature[]).length).toBe(2);
  });
});
