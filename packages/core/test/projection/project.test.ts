import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Geometry, GeometryError } from "../../src/geometry/index.js";
import {
  getProjector,
  isProjectionKnown,
  isWebMercator,
  project,
  registerProjection,
  UnknownProjectionError,
} from "../../src/projection/index.js";
import type { EsriEnvelope, EsriPoint, EsriPolygon } from "../../src/types/esri-json.js";

const R = 6378137;
/** Spherical Mercator, written out here so the test does not trust proj4. */
const mercator = (lon: number, lat: number): [number, number] => [
  (R * lon * Math.PI) / 180,
  R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("project: WGS84 ⇄ Web Mercator", () => {
  it("projects a point as the Mercator formula says, with no network", () => {
    vi.stubGlobal("fetch", () => {
      throw new Error("no network allowed");
    });
    const p = project({ x: -122.4167, y: 37.7833, spatialReference: { wkid: 4326 } }, undefined, 3857) as EsriPoint;
    const [x, y] = mercator(-122.4167, 37.7833);
    expect(p.x).toBeCloseTo(x, 6);
    expect(p.y).toBeCloseTo(y, 6);
    expect(p.spatialReference).toEqual({ wkid: 3857 });
  });

  it("treats 102100, 102113 and 900913 as Web Mercator", () => {
    const expected = mercator(10, 50);
    for (const wkid of [3857, 102100, 102113, 900913]) {
      const p = project({ x: 10, y: 50 }, 4326, wkid) as EsriPoint;
      expect(p.x).toBeCloseTo(expected[0], 6);
      expect(p.y).toBeCloseTo(expected[1], 6);
      expect(isWebMercator(wkid)).toBe(true);
    }
    // Between aliases nothing moves.
    const same = project({ x: 123.456, y: 789.012 }, { wkid: 102100, latestWkid: 3857 }, 3857) as EsriPoint;
    expect([same.x, same.y]).toEqual([123.456, 789.012]);
    expect(isWebMercator(4326)).toBe(false);
  });

  it("round-trips a real Web Mercator polygon through WGS84, keeping Z and M", () => {
    const set = JSON.parse(readFileSync(new URL("../../../../fixtures/arcgis/query/arcgis-rest-js__arcgis-PolygonHasZM.json", import.meta.url), "utf8")) as {
      features: { geometry: EsriPolygon }[];
      spatialReference: { wkid: number };
    };
    const original = { ...set.features[0].geometry, spatialReference: set.spatialReference };
    const wgs = project(original, undefined, 4326) as EsriPolygon;
    expect(wgs.hasZ && wgs.hasM).toBe(true);
    for (const [i, p] of wgs.rings[0].entries()) {
      expect(p[0]).toBeGreaterThan(-120);
      expect(p[0]).toBeLessThan(-117);
      expect(p[2]).toBe(original.rings[0][i][2]); // z
      expect(p[3]).toBe(original.rings[0][i][3]); // m
      const [x, y] = mercator(p[0], p[1]);
      expect(x).toBeCloseTo(original.rings[0][i][0], 4);
      expect(y).toBeCloseTo(original.rings[0][i][1], 4);
    }
    const back = project(wgs, 4326, 102100) as EsriPolygon;
    back.rings[0].forEach((p, i) => {
      expect(p[0]).toBeCloseTo(original.rings[0][i][0], 5);
      expect(p[1]).toBeCloseTo(original.rings[0][i][1], 5);
    });
  });

  it("projects envelopes to the box of the projected edges", () => {
    const e = project({ xmin: -10, ymin: 40, xmax: 10, ymax: 60 }, 4326, 3857) as EsriEnvelope;
    const [x0, y0] = mercator(-10, 40);
    const [x1, y1] = mercator(10, 60);
    expect(e.xmin).toBeCloseTo(x0, 6);
    expect(e.ymin).toBeCloseTo(y0, 6);
    expect(e.xmax).toBeCloseTo(x1, 6);
    expect(e.ymax).toBeCloseTo(y1, 6);
  });

  it("clamps latitudes beyond Web Mercator's limit instead of producing Infinity", () => {
    const p = project({ x: 0, y: 90 }, 4326, 3857) as EsriPoint;
    expect(Number.isFinite(p.y)).toBe(true);
    expect(p.y).toBeCloseTo(mercator(0, 85.0511287798066)[1], 3);
    const line = project({ paths: [[[0, -90], [0, 90]]] }, 4326, 3857) as { paths: number[][][] };
    expect(line.paths[0]).toHaveLength(2);
  });
});

describe("project: other coordinate systems", () => {
  it("knows WGS84 UTM zones", () => {
    // Reference from GDAL 3.6: echo '-93.2650 44.9778' | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32615
    const p = project({ x: -93.265, y: 44.9778 }, 4326, 32615) as EsriPoint;
    expect(p.x).toBeCloseTo(479105.882463319, 3);
    expect(p.y).toBeCloseTo(4980518.41995422, 3);
  });

  it("uses registered definitions and tells which wkid is unknown", () => {
    const wkid = 26915;
    expect(isProjectionKnown(wkid)).toBe(false);
    expect(() => project({ x: 1, y: 2 }, 4326, wkid)).toThrow(UnknownProjectionError);
    expect(() => project({ x: 1, y: 2 }, 4326, wkid)).toThrow(/wkid 26915 is not known; register it first with registerProjection\(26915/);
    registerProjection(wkid, "+proj=utm +zone=15 +datum=NAD83 +units=m +no_defs");
    expect(isProjectionKnown(wkid)).toBe(true);
    // Reference from GDAL 3.6: echo '-93.2650 44.9778' | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:26915
    const p = project({ x: -93.265, y: 44.9778 }, 4326, wkid) as EsriPoint;
    expect(p.x).toBeCloseTo(479105.882463147, 3);
    expect(p.y).toBeCloseTo(4980518.41983454, 3);
    expect(() => registerProjection(-1, "+proj=longlat")).toThrow(GeometryError);
    expect(() => registerProjection(1234, " ")).toThrow(GeometryError);
  });

  it("projects from an Esri WKT spatial reference (a recorded state plane polygon)", () => {
    const set = JSON.parse(readFileSync(new URL("../../../../fixtures/arcgis/query/pyesridump__us-mi-kent-0.json", import.meta.url), "utf8")) as {
      features: { geometry: EsriPolygon }[];
      spatialReference: { wkt: string };
    };
    const g = new Geometry({ ...set.features[0].geometry, spatialReference: set.spatialReference });
    const wgs = project(g, null, 4326);
    expect(wgs).toBeInstanceOf(Geometry);
    expect(wgs.spatialReference).toEqual({ wkid: 4326 });
    const first = (wgs.toEsriJSON() as EsriPolygon).rings[0][0];
    // Reference from GDAL 3.6: ogr2ogr -t_srs EPSG:4326 of the same feature (first vertex).
    expect(first[0]).toBeCloseTo(-85.7865021452, 7);
    expect(first[1]).toBeCloseTo(43.292923571, 7);
    expect(wgs.envelope().intersects([-86, 43, -85, 44])).toBe(true);
  });

  it("needs a source spatial reference", () => {
    expect(() => project(new Geometry([1, 2]), undefined, 4326)).toThrow(/pass fromSR/);
    expect(() => project({ x: 1, y: 2 }, { wkid: 999999 }, 4326)).toThrow(UnknownProjectionError);
    expect(() => getProjector({}, 4326)).toThrow(/neither a wkid nor a wkt/);
  });

  it("keeps empty geometries empty", () => {
    expect(new Geometry(project({ x: Number.NaN, y: Number.NaN }, 4326, 3857)).isEmpty).toBe(true);
    expect(project({ rings: [] }, 4326, 3857)).toEqual({ rings: [], spatialReference: { wkid: 3857 } });
  });
});

describe("proj4 stays in the projection entry point", () => {
  it("is imported by no other module of core", () => {
    const src = join(import.meta.dirname, "..", "..", "src");
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (path !== join(src, "projection")) walk(path);
        } else if (/\.ts$/.test(name) && /from\s+["']proj4["']|import\(\s*["']proj4["']\s*\)|["']\.\.?\/.*projection\//.test(readFileSync(path, "utf8"))) {
          offenders.push(path);
        }
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
