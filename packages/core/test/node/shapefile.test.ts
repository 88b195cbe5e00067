import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { esriToGeoJSON, GeometryError, isClockwise } from "../../src/geometry/index.js";
import { Geometry, openShapefile, readFirstFeature, readShapefile, spatialReferenceFromPrj, type ShapefileFeature } from "../../src/node/index.js";
import type { EsriPolygon } from "../../src/types/esri-json.js";
import { nullShape, partsShape, pointShape, writeDbf, writeShp } from "./shapefile-bytes.js";

const dir = mkdtempSync(join(tmpdir(), "arcrest-shp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

async function all(path: string): Promise<ShapefileFeature[]> {
  const out: ShapefileFeature[] = [];
  for await (const f of readShapefile(path)) out.push(f);
  return out;
}

// Esri/shapefile orientation: exterior clockwise, hole counter-clockwise.
const outer = [[-121.5, 38.3], [-121.5, 38.6], [-121.2, 38.6], [-121.2, 38.3], [-121.5, 38.3]];
const hole = [[-121.4, 38.4], [-121.3, 38.4], [-121.3, 38.5], [-121.4, 38.5], [-121.4, 38.4]];

describe("readShapefile on hand-made files", () => {
  const base = join(dir, "Polygons");
  writeShp(base, 5, [partsShape(5, [outer, hole]), nullShape(), partsShape(5, [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]), partsShape(5, [[[5, 5], [5, 6], [6, 6], [5, 5]]])], [-121.5, 38.3, 6, 38.6]);
  writeDbf(
    base,
    [
      { name: "NAME", type: "C", length: 12 },
      { name: "COUNT", type: "N", length: 6 },
      { name: "AREA", type: "N", length: 12, decimals: 3 },
      { name: "OK", type: "L", length: 1 },
      { name: "SEEN", type: "D", length: 8 },
    ],
    [
      ["Zürich", "42", "1234.567", "T", "20240229"],
      ["nothing", "", "", "?", ""],
      ["deleted", "1", "1.0", "F", "20000101"],
      ["tri", "-7", "0.5", "F", "19991231"],
    ],
    [2],
  );
  writeFileSync(`${base}.prj`, WGS84_PRJ);
  writeFileSync(`${base}.cpg`, "UTF-8");

  it("reads header, spatial reference and fields", async () => {
    const shp = await openShapefile(`${base}.shp`);
    expect(shp.header.shapeType).toBe(5);
    expect(shp.header.geometryType).toBe("esriGeometryPolygon");
    expect(shp.header.bbox).toMatchObject({ xmin: -121.5, ymin: 38.3, xmax: 6, ymax: 38.6 });
    expect(shp.spatialReference).toEqual({ wkid: 4326 });
    expect(shp.fields.map((f) => `${f.name}:${f.type}${f.length}.${f.decimals}`)).toEqual(["NAME:C12.0", "COUNT:N6.0", "AREA:N12.3", "OK:L1.0", "SEEN:D8.0"]);
  });

  it("reads records with attributes, null shapes, and skips deleted rows", async () => {
    const features = await all(base);
    expect(features.map((f) => f.recordNumber)).toEqual([1, 2, 4]);
    expect(features[0].geometry).toEqual({ rings: [outer, hole], spatialReference: { wkid: 4326 } });
    expect(features[0].attributes).toEqual({ NAME: "Zürich", COUNT: 42, AREA: 1234.567, OK: true, SEEN: Date.UTC(2024, 1, 29) });
    expect(features[1].geometry).toBeNull();
    expect(features[1].attributes).toEqual({ NAME: "nothing", COUNT: null, AREA: null, OK: null, SEEN: null });
    expect(features[2].attributes).toEqual({ NAME: "tri", COUNT: -7, AREA: 0.5, OK: false, SEEN: Date.UTC(1999, 11, 31) });
    // The 4-point triangle is a valid ring: kept as read.
    expect((features[2].geometry as EsriPolygon).rings[0]).toHaveLength(4);
  });

  it("Geometry.fromFile gives the first feature, with the seed's envelope", async () => {
    const g = await Geometry.fromFile(`${base}.shp`);
    expect(g).toBeInstanceOf(Geometry);
    expect(g.geometryType).toBe("esriGeometryPolygon");
    expect(g.spatialReference).toEqual({ wkid: 4326 });
    expect(g.envelope().toString()).toBe("-121.5,38.3,-121.2,38.6");
    expect(g.toGeoJSON()).toEqual(esriToGeoJSON({ rings: [outer, hole] }));
    expect((g.toGeoJSON() as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    // Without extension, too.
    expect((await Geometry.fromFile(base)).envelope().toString()).toBe("-121.5,38.3,-121.2,38.6");
  });

  it("skips leading null shapes for the first feature", async () => {
    const b = join(dir, "LeadingNull");
    writeShp(b, 1, [nullShape(), nullShape(), pointShape(1, [3, 4])]);
    const first = await readFirstFeature(`${b}.shp`);
    expect(first?.recordNumber).toBe(3);
    expect(first?.geometry).toEqual({ x: 3, y: 4 });
    expect(first?.attributes).toEqual({});
    const empty = join(dir, "OnlyNull");
    writeShp(empty, 1, [nullShape()]);
    await expect(Geometry.fromFile(`${empty}.shp`)).rejects.toThrow(/has no feature with a geometry/);
  });
});

describe("Z and M shape types", () => {
  it("reads PointZ, PointM and MultiPointZ", async () => {
    const b = join(dir, "PointZ");
    writeShp(b, 11, [pointShape(11, [1, 2, 3, 4]), pointShape(11, [5, 6, 7, -1e39])]);
    const [a, c] = await all(b);
    expect(a.geometry).toEqual({ x: 1, y: 2, z: 3, m: 4 });
    expect(c.geometry).toEqual({ x: 5, y: 6, z: 7 }); // M "no data"
    const bm = join(dir, "PointM");
    writeShp(bm, 21, [pointShape(21, [1, 2, 9])]);
    expect((await all(bm))[0].geometry).toEqual({ x: 1, y: 2, m: 9 });
    const mp = join(dir, "MultiPointZ");
    writeShp(mp, 18, [partsShape(18, [[[1, 2, 3, 4], [5, 6, 7, 8], [0, 9, 5, 6]]])]);
    const g = await Geometry.fromFile(`${mp}.shp`);
    expect(g.toEsriJSON()).toEqual({ points: [[1, 2, 3, 4], [5, 6, 7, 8], [0, 9, 5, 6]], hasZ: true, hasM: true });
    expect(g.geometryType).toBe("esriGeometryMultipoint");
    expect(g.hasZ && g.hasM).toBe(true);
    expect(g.envelope().toJSON()).toEqual({ xmin: 0, ymin: 2, xmax: 5, ymax: 9, zmin: 3, zmax: 7, mmin: 4, mmax: 8 });
  });

  it("reads PolygonZ with and without its optional M block, and PolyLineM", async () => {
    const b = join(dir, "PolygonZ");
    const ring = [[0, 0, 10, 1], [0, 1, 11, 2], [1, 1, 12, 3], [1, 0, 13, 4], [0, 0, 10, 1]];
    writeShp(b, 15, [partsShape(15, [ring]), partsShape(15, [ring], false), partsShape(15, [ring.map(([x, y, z]) => [x, y, z, -1e39])])]);
    const [zm, zOnly, noDataM] = await all(b);
    expect(zm.geometry).toEqual({ rings: [ring], hasZ: true, hasM: true });
    expect(zOnly.geometry).toEqual({ rings: [ring.map((p) => p.slice(0, 3))], hasZ: true });
    expect(noDataM.geometry).toEqual({ rings: [ring.map((p) => p.slice(0, 3))], hasZ: true });
    const l = join(dir, "LineM");
    writeShp(l, 23, [partsShape(23, [[[0, 0, 5], [1, 1, 6]], [[2, 2, 7], [3, 3, 8]]])]);
    const g = await Geometry.fromFile(`${l}.shp`);
    expect(g.geometryType).toBe("esriGeometryPolyline");
    expect(g.hasM).toBe(true);
    expect(g.hasZ).toBe(false);
    expect(g.toGeoJSON()).toEqual({ type: "MultiLineString", coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] });
  });
});

describe("bad files", () => {
  it("reports missing, corrupt and unsupported files", async () => {
    await expect(Geometry.fromFile(join(dir, "missing.shp"))).rejects.toThrow(GeometryError);
    const junk = join(dir, "junk.shp");
    writeFileSync(junk, new Uint8Array(120).fill(7));
    await expect(Geometry.fromFile(junk)).rejects.toThrow(/not a shapefile/);
    const patch = join(dir, "Patch");
    const content = new Uint8Array(44);
    new DataView(content.buffer).setInt32(0, 31, true);
    writeShp(patch, 5, [content]);
    await expect(Geometry.fromFile(`${patch}.shp`)).rejects.toThrow(/MultiPatch shapes are not supported/);
    const cut = join(dir, "Cut");
    writeShp(cut, 5, [partsShape(5, [outer]).subarray(0, 60)]);
    await expect(Geometry.fromFile(`${cut}.shp`)).rejects.toThrow(/record 1: is truncated/);
    await expect(Geometry.fromFile(join(dir, "x.kml"))).rejects.toThrow(/use .shp, .json or .geojson/);
  });
});

describe("JSON files", () => {
  it("reads GeoJSON and Esri JSON", async () => {
    const gj = join(dir, "area.geojson");
    writeFileSync(gj, JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [1, 2] } }] }));
    const g = await Geometry.fromFile(gj);
    expect(g.toEsriJSON()).toEqual({ x: 1, y: 2, spatialReference: { wkid: 4326 } });
    const ej = join(dir, "area.json");
    writeFileSync(ej, JSON.stringify({ rings: [outer], spatialReference: { wkid: 4269 } }));
    expect((await Geometry.fromFile(ej)).spatialReference).toEqual({ wkid: 4269 });
    expect((await Geometry.fromFile(ej, { spatialReference: 4326 })).spatialReference).toEqual({ wkid: 4326 });
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{nope");
    await expect(Geometry.fromFile(bad)).rejects.toThrow(/not valid JSON/);
  });
});

describe("spatialReferenceFromPrj", () => {
  it("recognises WGS84 and Web Mercator by name, EPSG authorities, and keeps other WKT", () => {
    expect(spatialReferenceFromPrj(WGS84_PRJ)).toEqual({ wkid: 4326 });
    expect(spatialReferenceFromPrj('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]]],AUTHORITY["EPSG","4326"]]')).toEqual({ wkid: 4326 });
    expect(spatialReferenceFromPrj('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]')).toEqual({ wkid: 102100, latestWkid: 3857 });
    expect(spatialReferenceFromPrj('PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84"]]')).toEqual({ wkid: 102100, latestWkid: 3857 });
    expect(spatialReferenceFromPrj('PROJCS["NAD83 / UTM zone 15N",GEOGCS["NAD83",AUTHORITY["EPSG","4269"]],AUTHORITY["EPSG","26915"]]')).toEqual({ wkid: 26915 });
    const kent = 'PROJCS["NAD_1983_StatePlane_Michigan_South_FIPS_2113_IntlFeet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]]]]';
    expect(spatialReferenceFromPrj(`${kent}\n`)).toEqual({ wkt: kent });
    expect(spatialReferenceFromPrj("  ")).toBeUndefined();
  });
});

const ogr2ogr = "/usr/bin/ogr2ogr";
describe.skipIf(!existsSync(ogr2ogr))("shapefiles written by GDAL's ogr2ogr", () => {
  const donut = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name: "donut", n: 1.25 },
        geometry: {
          type: "Polygon",
          coordinates: [
            [[10, 40], [20, 40], [20, 50], [10, 50], [10, 40]],
            [[12, 42], [12, 48], [18, 48], [18, 42], [12, 42]],
          ],
        },
      },
      { type: "Feature", properties: { name: "square", n: 2 }, geometry: { type: "Polygon", coordinates: [[[30, 30], [31, 30], [31, 31], [30, 31], [30, 30]]] } },
    ],
  };

  it("reads a polygon with a hole: envelope, rings, orientation, attributes", async () => {
    const src = join(dir, "donut.geojson");
    writeFileSync(src, JSON.stringify(donut));
    const out = join(dir, "gdal_donut.shp");
    execFileSync(ogr2ogr, ["-f", "ESRI Shapefile", out, src]);
    const g = await Geometry.fromFile(out);
    expect(g.spatialReference).toEqual({ wkid: 4326 });
    expect(String(g.envelope())).toBe("10,40,20,50");
    const rings = (g.toEsriJSON() as EsriPolygon).rings;
    expect(rings).toHaveLength(2);
    expect(isClockwise(rings[0])).toBe(true);
    expect(isClockwise(rings[1])).toBe(false);
    expect(g.toGeoJSON()).toEqual(donut.features[0].geometry);
    const features = await all(out);
    expect(features.map((f) => f.attributes)).toEqual([{ name: "donut", n: 1.25 }, { name: "square", n: 2 }]);
  });

  it("reads a Web Mercator PolygonZ", async () => {
    const src = join(dir, "donutz.geojson");
    const withZ = structuredClone(donut);
    withZ.features[0].geometry.coordinates = withZ.features[0].geometry.coordinates.map((ring) => ring.map(([x, y]) => [x, y, x * 10 + y]));
    writeFileSync(src, JSON.stringify(withZ));
    const out = join(dir, "gdal_donut_z.shp");
    execFileSync(ogr2ogr, ["-f", "ESRI Shapefile", "-t_srs", "EPSG:3857", out, src]);
    const shp = await openShapefile(out);
    expect(shp.header.shapeType).toBe(15);
    expect(shp.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    const g = await Geometry.fromFile(out);
    expect(g.hasZ).toBe(true);
    const env = g.envelope();
    expect(env.xmin).toBeCloseTo((6378137 * 10 * Math.PI) / 180, 3);
    expect(env.zmin).toBe(140);
    expect(env.zmax).toBe(250);
    const rings = (g.toEsriJSON() as EsriPolygon).rings;
    expect(rings).toHaveLength(2);
    // Each vertex keeps its own Z: unproject x/y and recompute it.
    for (const p of rings.flat()) {
      const lon = (p[0] / 6378137) * (180 / Math.PI);
      const lat = (2 * Math.atan(Math.exp(p[1] / 6378137)) - Math.PI / 2) * (180 / Math.PI);
      expect(p[2]).toBeCloseTo(Math.round(lon) * 10 + Math.round(lat), 6);
    }
  });
});

describe("dbfEncoding", () => {
  it("maps .cpg contents and language drivers to TextDecoder labels", async () => {
    const { dbfEncoding } = await import("../../src/node/read-dbf.js");
    expect(dbfEncoding("UTF-8\n", 0)).toBe("utf-8");
    expect(dbfEncoding("1252", 0)).toBe("windows-1252");
    expect(dbfEncoding("CP1251", 0)).toBe("windows-1251");
    expect(dbfEncoding("88591", 0)).toBe("iso-8859-1");
    expect(dbfEncoding("ISO-8859-1", 0)).toBe("iso-8859-1");
    expect(dbfEncoding(undefined, 0x57)).toBe("windows-1252");
    expect(dbfEncoding(undefined, 0)).toBe("utf-8");
  });

  it("decodes Windows-1252 text when the .cpg says so", async () => {
    const b = join(dir, "Latin");
    writeShp(b, 1, [pointShape(1, [0, 0])]);
    writeDbf(b, [{ name: "NAME", type: "C", length: 8 }], [["XXXX"]]);
    // Replace "XXXX" with "Café" in Windows-1252 (é = 0xE9).
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(`${b}.dbf`);
    const at = bytes.indexOf(Buffer.from("XXXX"));
    bytes.set([0x43, 0x61, 0x66, 0xe9], at);
    writeFileSync(`${b}.dbf`, bytes);
    writeFileSync(`${b}.cpg`, "1252");
    expect((await all(b))[0].attributes).toEqual({ NAME: "Café" });
  });
});
