import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Field } from "@arcrest/core";
import { exportFeatureSet } from "../src/node/index.js";
import { FIXTURES_IN, loadCase, type Case } from "./support/cases.js";
import { expectSameGeometry, gdalDateMillis, signedArea } from "./support/compare.js";
import { ogrFeatures, ogrSummary, skipGdal, type OgrFeature } from "./support/gdal.js";

interface Format {
  ext: string;
  /** Coordinates are WGS84 whatever the input (GeoJSON, KML). */
  wgs84: boolean;
  /** What GDAL opens. */
  open: (path: string, name: string) => string;
  openOptions?: string[];
  /** Output names of the DBF-limited formats. */
  dbf: boolean;
}

const FORMATS: Format[] = [
  { ext: ".shp", wgs84: false, open: (p) => p, dbf: true },
  { ext: ".zip", wgs84: false, open: (p, name) => `/vsizip/${p}/${name}.shp`, dbf: true },
  { ext: ".geojson", wgs84: true, open: (p) => p, dbf: false },
  { ext: ".geojsonl", wgs84: true, open: (p) => `GeoJSONSeq:${p}`, dbf: false },
  { ext: ".kml", wgs84: true, open: (p) => p, dbf: false },
  { ext: ".kmz", wgs84: true, open: (p) => p, dbf: false },
  {
    ext: ".csv",
    wgs84: false,
    open: (p) => p,
    openOptions: ["X_POSSIBLE_NAMES=X", "Y_POSSIBLE_NAMES=Y", "AUTODETECT_TYPE=YES"],
    dbf: false,
  },
];

const DBF_NAMES: Record<string, string> = { DESCRIPTION1: "DESCRIPTIO", DESCRIPTION2: "DESCRIPT_1" };

/** What GDAL must read for one input value, by output field name. */
function expectedValues(field: Field, value: unknown, format: Format): [string, unknown, "date" | "instant" | "value"][] {
  const name = format.dbf ? (DBF_NAMES[field.name] ?? field.name) : field.name;
  if (value === "" || value === undefined) value = null;
  if (field.type === "esriFieldTypeDate") {
    if (value === null) return format.dbf ? [[name, null, "value"], [`${field.name.slice(0, 8)}_T`, null, "value"]] : [[name, null, "value"]];
    const iso = new Date(value as number).toISOString();
    return format.dbf
      ? [
          [name, iso.slice(0, 10), "date"],
          [`${field.name.slice(0, 8)}_T`, value, "instant"],
        ]
      : [[name, value, "instant"]];
  }
  return [[name, value, "value"]];
}

function checkAttributes(input: Case, actual: OgrFeature[], format: Format): void {
  const fields = (input.fields ?? []).filter((f) => f.type !== "esriFieldTypeGeometry");
  input.features.forEach((feature, i) => {
    const properties = actual[i].properties;
    for (const field of fields) {
      for (const [name, expected, kind] of expectedValues(field, feature.attributes[field.name], format)) {
        // KML readers put a placemark's <name> (our "name" field) in their own Name field.
        const key = format.ext.startsWith(".km") && name === "name" ? "Name" : name;
        const got = properties[key] === "" ? null : (properties[key] ?? null);
        const label = `${format.ext} feature ${i} ${name}`;
        if (expected === null) expect(got, label).toBeNull();
        else if (kind === "instant") expect(gdalDateMillis(got), label).toBe(expected);
        else if (kind === "date") expect(String(got).replaceAll("/", "-"), label).toBe(expected);
        else if (typeof expected === "number") expect(Number(got), label).toBeCloseTo(expected, 9);
        else expect(got, label).toBe(expected);
      }
    }
  });
}

const SRS_CODE: Record<string, number> = { "points-attributes": 4326, "polygons-holes": 3857, "lines-z": 32610 };

describe.skipIf(skipGdal)("exported files read back by GDAL (ogrinfo / ogr2ogr)", () => {
  const root = mkdtempSync(join(tmpdir(), "arcrest-gdal-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe.each(FORMATS)("$ext", (format) => {
    it.each(["points-attributes", "polygons-holes", "lines-z"])("%s: count, spatial reference, geometry, attributes", async (name) => {
      const input = loadCase(name);
      const dir = mkdtempSync(join(root, name));
      const path = join(dir, `${name}${format.ext}`);
      const result = await exportFeatureSet(input, path);
      expect(result.featureCount).toBe(input.features.length);

      const opened = format.open(path, name);
      const summary = ogrSummary(opened, format.openOptions);
      expect(summary.featureCount).toBe(input.features.length);
      const code = format.wgs84 ? 4326 : SRS_CODE[name];
      if (format.ext !== ".csv") expect(summary.srs).toContain(`ID["EPSG",${code}]`);

      const actual = ogrFeatures(opened, format.openOptions ? { openOptions: format.openOptions } : {});
      // GDAL's own reading of the input Esri JSON (and its own projection) is the reference geometry.
      const reference = ogrFeatures(`ESRIJSON:${FIXTURES_IN}${name}.json`, format.wgs84 ? { toSrs: "EPSG:4326" } : {});
      expect(actual).toHaveLength(reference.length);
      actual.forEach((feature, i) =>
        expectSameGeometry(feature.geometry, reference[i].geometry, format.wgs84 ? 1e-9 : 1e-12, `${format.ext} ${name} #${i}`),
      );
      checkAttributes(input, actual, format);
    });
  });

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
    const csv = ogrSummary(join(dir, "p.csv"), FORMATS[6].openOptions);
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
