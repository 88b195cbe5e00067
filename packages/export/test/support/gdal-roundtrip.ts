import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Field } from "@arcrest/core";
import { exportFeatureSet } from "../../src/node/index.js";
import { FIXTURES_IN, loadCase, type Case } from "./cases.js";
import { expectSameGeometry, gdalDateMillis } from "./compare.js";
import { ogrFeatures, ogrSummary, type OgrFeature } from "./gdal.js";

/** An output format as GDAL opens it. */
export interface Format {
  ext: string;
  /** Coordinates are WGS84 whatever the input (GeoJSON, KML). */
  wgs84: boolean;
  /** What GDAL opens. */
  open: (path: string, name: string) => string;
  openOptions?: string[];
  /** Output names of the DBF-limited formats. */
  dbf: boolean;
}

/** Every format, as GDAL opens it. */
export const FORMATS: Format[] = [
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

/** The inputs every format is checked with. */
export const ROUND_TRIP_CASES = ["points-attributes", "polygons-holes", "lines-z"];

const DBF_NAMES: Record<string, string> = { DESCRIPTION1: "DESCRIPTIO", DESCRIPTION2: "DESCRIPT_1" };
const SRS_CODE: Record<string, number> = { "points-attributes": 4326, "polygons-holes": 3857, "lines-z": 32610 };

/** What GDAL must read for one input value, by output field name. */
function expectedValues(field: Field, value: unknown, format: Format): [string, unknown, "date" | "instant" | "value"][] {
  const name = format.dbf ? (DBF_NAMES[field.name] ?? field.name) : field.name;
  if (value === "" || value === undefined) value = null;
  if (field.type === "esriFieldTypeDate") {
    const companion = `${field.name.slice(0, 8)}_T`;
    if (value === null) return format.dbf ? [[name, null, "value"], [companion, null, "value"]] : [[name, null, "value"]];
    const iso = new Date(value as number).toISOString();
    return format.dbf
      ? [
          [name, iso.slice(0, 10), "date"],
          [companion, value, "instant"],
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

const references = new Map<string, OgrFeature[]>();

/** GDAL's own reading of an input Esri JSON (and its own projection): the reference geometry. */
function reference(name: string, wgs84: boolean): OgrFeature[] {
  const key = `${name}:${wgs84}`;
  let found = references.get(key);
  if (!found) {
    found = ogrFeatures(`ESRIJSON:${FIXTURES_IN}${name}.json`, wgs84 ? { toSrs: "EPSG:4326" } : {});
    references.set(key, found);
  }
  return found;
}

/**
 * Exports input `name` to `format` under `root` and checks what GDAL reads:
 * feature count, spatial reference, geometry (against GDAL's reading of the
 * input) and every attribute value.
 */
export async function checkRoundTrip(root: string, format: Format, name: string): Promise<void> {
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
  const expected = reference(name, format.wgs84);
  expect(actual).toHaveLength(expected.length);
  actual.forEach((feature, i) =>
    expectSameGeometry(feature.geometry, expected[i].geometry, format.wgs84 ? 1e-9 : 1e-12, `${format.ext} ${name} #${i}`),
  );
  checkAttributes(input, actual, format);
}
