import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportFeatureSet } from "../src/node/index.js";
import { loadCase } from "./support/cases.js";
import { expectSameGeometry, signedArea } from "./support/compare.js";
import { ogrFeatures, ogrSummary, skipGdal } from "./support/gdal.js";

const CSV_OPEN_OPTIONS = ["X_POSSIBLE_NAMES=X", "Y_POSSIBLE_NAMES=Y", "AUTODETECT_TYPE=YES"];

describe.skipIf(skipGdal)("GDAL reads the details right", () => {
  const root = mkdtempSync(join(tmpdir(), "arcrest-gdal-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("shapefile: field types keep the values (doubles with decimals, integers, dates, strings, GUIDs) and a 12-character clash", async () => {
    const input = loadCase("points-attributes");
    const path = join(mkdtempSync(join(root, "types")), "types.shp");
    await exportFeatureSet(input, path);
    const { fields, geometry, driver } = ogrSummary(path);
    expect(driver).toBe("ESRI Shapefile");
    expect(geometry).toBe("Point");
    expect(Object.fromEntries(fields)).toEqual({
      OBJECTID: { type: "Integer64", width: 11, precision: 0 },
      gaugelid: { type: "String", width: 5, precision: 0 },
      location: { type: "String", width: 60, precision: 0 },
      stage: { type: "Real", width: 24, precision: 15 },
      flow: { type: "Integer64", width: 11, precision: 0 },
      rank: { type: "Integer", width: 6, precision: 0 },
      obstime: { type: "Date", width: 10, precision: 0 },
      obstime_T: { type: "String", width: 24, precision: 0 },
      installed: { type: "Date", width: 10, precision: 0 },
      GlobalID: { type: "String", width: 38, precision: 0 },
      DESCRIPTIO: { type: "String", width: 40, precision: 0 },
      DESCRIPT_1: { type: "String", width: 40, precision: 0 },
    });
    expect(readFileSync(path.replace(/\.shp$/, ".cpg"), "utf8")).toBe("UTF-8");
  });

  it("GeoJSON, KML and CSV: GDAL reads the field types", async () => {
    const input = loadCase("points-attributes");
    const dir = mkdtempSync(join(root, "text-types"));
    await exportFeatureSet(input, join(dir, "p.geojson"));
    await exportFeatureSet(input, join(dir, "p.kml"));
    await exportFeatureSet(input, join(dir, "p.csv"));
    const typeOf = (summary: ReturnType<typeof ogrSummary>, name: string): string | undefined => summary.fields.get(name)?.type;
    const geojson = ogrSummary(join(dir, "p.geojson"));
    expect([typeOf(geojson, "OBJECTID"), typeOf(geojson, "stage"), typeOf(geojson, "obstime"), typeOf(geojson, "installed"), typeOf(geojson, "location")]).toEqual([
      "Integer",
      "Real",
      "DateTime",
      "Date",
      "String",
    ]);
    const kml = ogrSummary(join(dir, "p.kml"));
    expect([typeOf(kml, "OBJECTID"), typeOf(kml, "stage"), typeOf(kml, "location")]).toEqual(["Integer", "Real", "String"]);
    const csv = ogrSummary(join(dir, "p.csv"), CSV_OPEN_OPTIONS);
    expect(csv.geometry).toBe("Point");
    expect([typeOf(csv, "OBJECTID"), typeOf(csv, "stage"), typeOf(csv, "obstime"), typeOf(csv, "installed")]).toEqual([
      "Integer",
      "Real",
      "DateTime",
      "Date",
    ]);
  });

  it("Z data: 3D shapes in shapefile, GeoJSON, KML and CSV", async () => {
    const input = loadCase("lines-z");
    const dir = mkdtempSync(join(root, "z"));
    await exportFeatureSet(input, join(dir, "z.shp"));
    expect(ogrSummary(join(dir, "z.shp")).geometry).toBe("3D Line String");
    for (const ext of [".geojson", ".kml", ".csv"]) {
      await exportFeatureSet(input, join(dir, `z${ext}`));
      const features = ogrFeatures(join(dir, `z${ext}`));
      const first = (features[0].geometry?.coordinates as number[][])[0];
      expect(first, ext).toHaveLength(3);
      expect(first[2], ext).toBe(10.5);
    }
  });

  it("M and ZM shapes, and tables without geometry", async () => {
    const dir = mkdtempSync(join(root, "m"));
    const fields = [{ name: "id", type: "esriFieldTypeInteger" }];
    const sr = { wkid: 4326 };
    await exportFeatureSet(
      {
        geometryType: "esriGeometryMultipoint",
        hasM: true,
        spatialReference: sr,
        fields,
        features: [{ attributes: { id: 1 }, geometry: { points: [[1, 2, 5], [3, 4, 6]], hasM: true } }],
      },
      join(dir, "mpm.shp"),
    );
    expect(ogrSummary(join(dir, "mpm.shp")).geometry).toBe("Measured Multi Point");
    await exportFeatureSet(
      {
        geometryType: "esriGeometryPolyline",
        hasZ: true,
        hasM: true,
        spatialReference: sr,
        fields,
        features: [{ attributes: { id: 1 }, geometry: { paths: [[[0, 0, 1, 10], [1, 1, 2, 11]]] } }],
      },
      join(dir, "lzm.shp"),
    );
    expect(ogrSummary(join(dir, "lzm.shp")).geometry).toBe("3D Measured Line String");
    await exportFeatureSet(
      { fields, features: [{ attributes: { id: 7 } }, { attributes: { id: 8 } }] },
      join(dir, "table.shp"),
    );
    // A table is a lone .dbf (as GDAL writes it).
    expect(readdirSync(dir).filter((f) => f.startsWith("table")).sort()).toEqual(["table.cpg", "table.dbf"]);
    const table = ogrSummary(join(dir, "table.dbf"));
    expect([table.geometry, table.featureCount]).toEqual(["None", 2]);
  });

  it("polygons with holes and several parts: RFC 7946 orientation in GeoJSON, holes with their exterior everywhere", async () => {
    const input = loadCase("polygons-holes");
    const dir = mkdtempSync(join(root, "holes"));
    await exportFeatureSet(input, join(dir, "h.geojson"));
    const raw = JSON.parse(readFileSync(join(dir, "h.geojson"), "utf8")) as { features: { geometry: { type: string; coordinates: number[][][] | number[][][][] } }[] };
    const polygons = raw.features.flatMap((f) =>
      f.geometry.type === "Polygon" ? [f.geometry.coordinates as number[][][]] : (f.geometry.coordinates as number[][][][]),
    );
    expect(polygons.map((p) => p.length)).toEqual([2, 2, 1]);
    for (const [outer, ...holes] of polygons) {
      expect(signedArea(outer)).toBeGreaterThan(0);
      for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
    }
    for (const ext of [".shp", ".kml", ".csv"]) {
      await exportFeatureSet(input, join(dir, `h${ext}`));
      const features = ogrFeatures(join(dir, `h${ext}`));
      expect(features.map((f) => f.geometry?.type), ext).toEqual(["Polygon", "MultiPolygon"]);
      expect((features[1].geometry?.coordinates as number[][][][]).map((p) => p.length), ext).toEqual([2, 1]);
    }
  });

  it("null and malformed geometries: null shapes, no crash, every record kept", async () => {
    const input = loadCase("malformed");
    const dir = mkdtempSync(join(root, "malformed"));
    const nullIndexes = [1, 2, 3, 4];
    for (const ext of [".shp", ".geojson", ".kml", ".csv"]) {
      const result = await exportFeatureSet(input, join(dir, `m${ext}`));
      expect(result.featureCount).toBe(8);
      const features = ogrFeatures(join(dir, `m${ext}`));
      expect(features, ext).toHaveLength(8);
      expect(features.map((f) => f.properties.case), ext).toEqual(input.features.map((f) => f.attributes.case));
      for (const i of nullIndexes) expect(features[i].geometry, `${ext} #${i}`).toBeNull();
      // The NaN vertex is dropped, the rest of the ring kept; the envelope becomes a polygon.
      expect(features[5].geometry?.type, ext).toBe("Polygon");
      expectSameGeometry(features[7].geometry, { type: "Polygon", coordinates: [[[2, 2], [3, 2], [3, 4], [2, 4], [2, 2]]] });
    }
    // A point has no place in a polygon shapefile: a null shape there.
    expect(ogrFeatures(join(dir, "m.shp"))[6].geometry).toBeNull();
  });

  it("leaves only the finished files in the folder", async () => {
    const dir = mkdtempSync(join(root, "clean"));
    await exportFeatureSet(loadCase("polygons-holes"), join(dir, "out.shp"));
    expect(readdirSync(dir).sort()).toEqual(["out.cpg", "out.dbf", "out.prj", "out.shp", "out.shx"]);
  });
});
