import { describe, expect, it } from "vitest";
import { Geometry, GeometryError, type GeometryInput } from "../../src/geometry/index.js";
import { geometryQueryParams } from "../../src/internal.js";

// Every form a spatial filter may come in; geometryQueryParams must give what the Geometry
// class gives for it (it is the class's reading path without the class).
const inputs: [string, GeometryInput][] = [
  ["[x, y]", [-122.4, 37.8]],
  ["[x, y, z]", [1, 2, 3]],
  ["bbox", [0, 0, 10, 10]],
  ["short point string", "5,6"],
  ["short bbox string", "1,2,3,4"],
  ["Esri point with wkid", { x: 1, y: 2, spatialReference: { wkid: 3857 } }],
  ["Esri polygon, unclosed ring", { rings: [[[0, 0], [0, 10], [10, 10], [10, 0]]] }],
  ["Esri envelope with Z", { xmin: 3, ymin: 4, xmax: 1, ymax: 2, zmin: 0, zmax: 5, spatialReference: { wkt: "PROJCS[...]" } }],
  ["Esri feature", { geometry: { paths: [[[1, 2], [3, 4]]] }, attributes: { a: 1 } }],
  ["GeoJSON polygon", { type: "Polygon", coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] }],
  ["GeoJSON Feature with crs", { type: "Feature", geometry: { type: "Point", coordinates: [1, 2] }, properties: {}, crs: { type: "name", properties: { name: "EPSG:2230" } } }],
  ["JSON string", JSON.stringify({ points: [[1, 2], [3, 4]], spatialReference: { wkid: 4326 } })],
  ["a Geometry", new Geometry({ x: 7, y: 8 }, { spatialReference: 26910 })],
];

describe("geometryQueryParams", () => {
  for (const [name, input] of inputs) {
    it(`gives what Geometry#toQueryParams gives for ${name}`, () => {
      expect(geometryQueryParams(input)).toEqual(new Geometry(input).toQueryParams());
    });

    it(`uses the fallback spatial reference for ${name} exactly when it has none`, () => {
      const own = Geometry.from(input);
      const expected = own.spatialReference ? own.toQueryParams() : new Geometry(input, { spatialReference: 2229 }).toQueryParams();
      expect(geometryQueryParams(input, 2229)).toEqual(expected);
      expect(geometryQueryParams(input, { wkid: 2229 })).toEqual(expected);
    });
  }

  it("refuses empty geometries and bad spatial references as the class does", () => {
    expect(() => geometryQueryParams({ rings: [] })).toThrow(GeometryError);
    expect(() => geometryQueryParams({ rings: [] })).toThrow(/empty geometry cannot be used as a spatial filter/);
    expect(() => geometryQueryParams([1, 2], { wkid: Number.NaN })).toThrow(/options.spatialReference/);
    expect(() => geometryQueryParams({ foo: 1 } as unknown as GeometryInput)).toThrow(GeometryError);
  });

  it("leaves a Geometry given as input unchanged", () => {
    const g = new Geometry({ rings: [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]] }, { spatialReference: 4326 });
    const before = g.toEsriJSON();
    geometryQueryParams(g, 3857);
    expect(g.toEsriJSON()).toEqual(before);
    expect(g.spatialReference).toEqual({ wkid: 4326 });
  });
});
