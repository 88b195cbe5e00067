import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors/validation-error.js";
import { Envelope, Geometry, GeometryError, type GeometryInput } from "../../src/geometry/index.js";

const fixtures = new URL("../../../../fixtures/arcgis/query", import.meta.url).pathname;
const readFixture = (name: string): GeometryInput => JSON.parse(readFileSync(`${fixtures}/${name}`, "utf8")) as GeometryInput;

const donut = {
  rings: [
    [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]],
    [[2, 2], [8, 2], [8, 8], [2, 8], [2, 2]],
  ],
  spatialReference: { wkid: 102100, latestWkid: 3857 },
};

describe("Geometry inputs", () => {
  it("reads every Esri JSON type", () => {
    expect(new Geometry({ x: 1, y: 2 }).geometryType).toBe("esriGeometryPoint");
    expect(new Geometry({ points: [[1, 2]] }).geometryType).toBe("esriGeometryMultipoint");
    expect(new Geometry({ paths: [[[1, 2], [3, 4]]] }).geometryType).toBe("esriGeometryPolyline");
    expect(new Geometry(donut).geometryType).toBe("esriGeometryPolygon");
    expect(new Geometry({ xmin: 1, ymin: 2, xmax: 3, ymax: 4 }).geometryType).toBe("esriGeometryEnvelope");
  });

  it("reads [x, y], [x, y, z] and bboxes", () => {
    const p = new Geometry([-122.4, 37.8]);
    expect(p.toEsriJSON()).toEqual({ x: -122.4, y: 37.8 });
    expect(p.spatialReference).toBeUndefined();
    const pz = new Geometry([1, 2, 3], { spatialReference: 4326 });
    expect(pz.hasZ).toBe(true);
    expect(pz.toEsriJSON()).toEqual({ x: 1, y: 2, z: 3, spatialReference: { wkid: 4326 } });
    const box = new Geometry([-121.5, 38.3, -121.2, 38.6]);
    expect(box.geometryType).toBe("esriGeometryEnvelope");
    expect(String(box.envelope())).toBe("-121.5,38.3,-121.2,38.6");
    const box3d = new Geometry([0, 1, 2, 3, 4, 5]);
    expect(box3d.toEsriJSON()).toEqual({ xmin: 0, ymin: 1, xmax: 3, ymax: 4, zmin: 2, zmax: 5 });
    expect(box3d.hasZ).toBe(true);
  });

  it("reads GeoJSON geometries, Features and FeatureCollections (first feature) in WGS84", () => {
    const polygon = { type: "Polygon" as const, coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };
    const g = new Geometry(polygon);
    expect(g.spatialReference).toEqual({ wkid: 4326 });
    expect(g.toEsriJSON()).toEqual({ rings: [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]], spatialReference: { wkid: 4326 } });
    expect(new Geometry({ type: "Feature", geometry: polygon, properties: {} }).geometryType).toBe("esriGeometryPolygon");
    const fc = readFixture("arcgis-rest-js__geojson-geoJSONLineHasZCRS4326.json");
    const line = new Geometry(fc);
    expect(line.geometryType).toBe("esriGeometryPolyline");
    expect(line.hasZ).toBe(true);
    expect(line.envelope().toJSON()).toEqual({
      xmin: -118.823519684211,
      ymin: 47.5424221081164,
      xmax: -118.435554243461,
      ymax: 47.5451632991883,
      zmin: 0,
      zmax: 0,
      spatialReference: { wkid: 4326 },
    });
  });

  it("reads the crs member of old-style GeoJSON", () => {
    const g = new Geometry({ type: "Point", coordinates: [1, 2], crs: { type: "name", properties: { name: "EPSG:3857" } } });
    expect(g.spatialReference).toEqual({ wkid: 3857 });
  });

  it("reads an Esri feature set (first feature) with the set's spatial reference and Z/M flags", () => {
    const g = new Geometry(readFixture("arcgis-rest-js__arcgis-PolygonHasM.json"));
    expect(g.geometryType).toBe("esriGeometryPolygon");
    expect(g.hasM).toBe(true);
    expect(g.hasZ).toBe(false);
    expect(g.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    const pz = new Geometry(readFixture("arcgis-rest-js__arcgis-PointHasZM.json"));
    expect(pz.toEsriJSON()).toEqual({
      x: -13199344.008373085,
      y: 6056886.973585309,
      z: 40,
      m: 0,
      spatialReference: { wkid: 102100, latestWkid: 3857 },
    });
    expect(pz.hasZ && pz.hasM).toBe(true);
  });

  it("reads the seed's GP feature set with `sr`", () => {
    const point = {
      geometryType: "esriGeometryPoint" as const,
      features: [{ geometry: { x: -10603050.16225853, y: 4715351.1473399615, spatialReference: { wkid: 102100, latestWkid: 3857 } } }],
      sr: { wkid: 102100, latestWkid: 3857 },
    };
    const g = new Geometry(point);
    expect(g.toQueryParams()).toEqual({ geometry: "-10603050.16225853,4715351.1473399615", geometryType: "esriGeometryPoint", inSR: 102100 });
  });

  it("reads an Esri feature, another Geometry, and strings", () => {
    const feature = { attributes: { id: 1 }, geometry: { x: 1, y: 2, spatialReference: { wkid: 4326 } } };
    const g = new Geometry(feature);
    expect(g.spatialReference).toEqual({ wkid: 4326 });
    expect(Geometry.from(g)).toBe(g);
    const copy = Geometry.from(g, { spatialReference: 3857 });
    expect(copy).not.toBe(g);
    expect(copy.spatialReference).toEqual({ wkid: 3857 });
    expect(new Geometry(JSON.stringify(donut)).geometryType).toBe("esriGeometryPolygon");
    expect(new Geometry("1.5, 2.5").toEsriJSON()).toEqual({ x: 1.5, y: 2.5 });
    expect(new Geometry("1,2,3,4").geometryType).toBe("esriGeometryEnvelope");
  });

  it("rejects anything else with a GeometryError (a ValidationError)", () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      {},
      { foo: 1 },
      [1],
      [1, 2, 3, 4, 5],
      [1, "x"],
      [10, 0, 0, 10],
      "nonsense",
      "{bad json",
      { type: "Feature", geometry: null, properties: {} },
      { type: "FeatureCollection", features: [] },
      { features: [] },
      { attributes: {}, geometry: null },
      { type: "Circle", coordinates: [0, 0] },
      { curveRings: [] },
    ];
    for (const input of bad) {
      expect(() => new Geometry(input as GeometryInput), JSON.stringify(input) ?? String(input)).toThrow(GeometryError);
    }
    const err = (() => {
      try {
        new Geometry({ foo: 1 } as unknown as GeometryInput);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/^geometry: not a geometry: an object with keys foo/);
    expect(() => new Geometry([1, 2], { spatialReference: {} })).toThrow(/options.spatialReference/);
  });
});

describe("Geometry members", () => {
  it("envelope() carries the spatial reference and prints like the seed", () => {
    const env = new Geometry(donut).envelope();
    expect(env).toBeInstanceOf(Envelope);
    expect(env.toJSON()).toEqual({ xmin: 0, ymin: 0, xmax: 10, ymax: 10, spatialReference: { wkid: 102100, latestWkid: 3857 } });
    expect(env.toString()).toBe("0,0,10,10");
    expect(env.width).toBe(10);
    expect(env.intersects([10, 10, 20, 20])).toBe(true);
    // An envelope is itself a geometry input.
    expect(new Geometry(env).geometryType).toBe("esriGeometryEnvelope");
  });

  it("envelope of a real polygon feature set", () => {
    const env = new Geometry(readFixture("pyesridump__us-ca-tuolumne-0.json")).envelope();
    expect(env.xmin).toBe(12744951.83220613);
    expect(env.xmax).toBe(12745374.032152027);
    expect(env.spatialReference?.wkt).toMatch(/^PROJCS\["NAD_1983_StatePlane_Michigan_South/);
  });

  it("isEmpty for empty geometries, whose envelope is empty and GeoJSON null", () => {
    for (const input of [{ x: null, y: null }, { x: "NaN", y: "NaN" }, { rings: [] }, { paths: [[[1, 1]]] }, { points: [] }, { xmin: "NaN", ymin: 0, xmax: 1, ymax: 1 }]) {
      const g = new Geometry(input as unknown as GeometryInput);
      expect(g.isEmpty).toBe(true);
      expect(g.envelope().isEmpty).toBe(true);
      expect(g.toGeoJSON()).toBeNull();
      expect(() => g.toQueryParams()).toThrow(GeometryError);
    }
    expect(new Geometry(donut).isEmpty).toBe(false);
  });

  it("toGeoJSON() gives RFC 7946 rings", () => {
    expect(new Geometry(donut).toGeoJSON()).toEqual({
      type: "Polygon",
      coordinates: [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[2, 2], [2, 8], [8, 8], [8, 2], [2, 2]],
      ],
    });
  });

  it("toEsriJSON() returns copies and JSON.stringify writes Esri JSON", () => {
    const g = new Geometry(donut);
    const a = g.toEsriJSON() as { rings: number[][][] };
    a.rings[0][0][0] = 999;
    expect((g.toEsriJSON() as { rings: number[][][] }).rings[0][0][0]).toBe(0);
    expect(JSON.parse(JSON.stringify(g))).toEqual(donut);
  });

  it("toQueryParams() uses short forms for points and envelopes", () => {
    expect(new Geometry([1, 2], { spatialReference: 4326 }).toQueryParams()).toEqual({
      geometry: "1,2",
      geometryType: "esriGeometryPoint",
      inSR: 4326,
    });
    expect(new Geometry([1, 2, 3, 4]).toQueryParams()).toEqual({ geometry: "1,2,3,4", geometryType: "esriGeometryEnvelope" });
    const pz = new Geometry([1, 2, 3]).toQueryParams();
    expect(JSON.parse(pz.geometry)).toEqual({ x: 1, y: 2, z: 3 });
    const poly = new Geometry(donut).toQueryParams();
    expect(poly.geometryType).toBe("esriGeometryPolygon");
    expect(poly.inSR).toBe(102100);
    expect(JSON.parse(poly.geometry)).toEqual({ rings: donut.rings });
    const wkt = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(new Geometry([1, 2], { spatialReference: { wkt } }).toQueryParams().inSR).toBe(JSON.stringify({ wkt }));
  });

  it("normalizes what real servers send: NaN vertices, unclosed rings, closure that differs only in Z", () => {
    const g = new Geometry({ rings: [[[0, 0], ["NaN", 1], [0, 10], [10, 10], [null, null], [10, 0]]] } as unknown as GeometryInput);
    expect(g.toEsriJSON()).toEqual({ rings: [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]] });
    // Recorded: the last vertex repeats the first x/y with another Z.
    const set = readFixture("arcgis-rest-js__arcgis-PolygonHasZ.json") as { features: { geometry: GeometryInput }[] };
    const z = new Geometry(set.features[2].geometry);
    const rings = (z.toEsriJSON() as { rings: number[][][] }).rings;
    expect(rings[0]).toHaveLength(8); // already closed in x/y: left alone
    const geojson = z.toGeoJSON() as { coordinates: number[][][] };
    const ring = geojson.coordinates[0];
    expect(ring).toHaveLength(9); // RFC 7946: first position repeated exactly
    expect(ring[ring.length - 1]).toEqual(ring[0]);
  });

});
