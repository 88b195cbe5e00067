/**
 * Property: 1,000 generated records (odd and non-Latin strings, nulls, dates before 1970 and after 2038,
 * integers at the 32-bit limits, doubles up to 2^53, every geometry type) written by each writer
 * (GeoJSON, shapefile, CSV, GeoPackage) read back by GDAL with the same values, within each format's
 * documented limits:
 * - shapefile (DBF): text cut at 254 bytes and leading and trailing spaces dropped (GDAL's DBF reader trims them), "" reads as null, doubles to
 *   15 significant digits and 15 decimals (fixed-point: |x| < 1e-15 reads as 0), a date as its day plus the instant in a `<name>_T` companion field;
 * - CSV: every value is text; "" reads as null; geometry not compared (X/Y or WKT columns);
 * - all: NUL and CR characters are not generated (GDAL reads C strings; CSV readers fold CR LF); text that is
 *   a JSON object or array is compared as JSON (GDAL 3.6's GeoJSON output parses it).
 * Seed printed; FC_SEED=<seed> replays a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { EsriGeometryLike, Field } from "@arcrest/core";
import { afterAll, describe, expect, it } from "vitest";
import { exportFeatureSet } from "../../src/node/index.js";
import { expectSameGeometry, gdalDateMillis } from "../support/compare.js";
import { ogrFeatures, skipGdal, type OgrFeature } from "../support/gdal.js";

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const RECORDS = 1000;
const GEOMETRY_TYPES = ["esriGeometryPoint", "esriGeometryMultipoint", "esriGeometryPolyline", "esriGeometryPolygon"] as const;

const FIELDS: Field[] = [
  { name: "OBJECTID", type: "esriFieldTypeOID", alias: "OBJECTID" },
  { name: "label", type: "esriFieldTypeString", alias: "label", length: 254 },
  { name: "count", type: "esriFieldTypeInteger", alias: "count" },
  { name: "amount", type: "esriFieldTypeDouble", alias: "amount" },
  { name: "observed", type: "esriFieldTypeDate", alias: "observed", length: 8 },
] as Field[];

interface Values {
  label: string | null;
  count: number | null;
  amount: number | null;
  observed: number | null;
}

const odd = fc.constantFrom("", " ", "'", '"', "''", ",", ";", "\n", "\t", "a,b", '"quoted"', "line\nbreak", "trailing  ", " leading", "%", "\\", "NULL", "null", "0", "-0", "1e5", "Ω≈ç√", "日本語", "العربية", "emoji 🎉👩‍👩‍👧", "\u00e9\u0301");
const text = fc.oneof(
  odd,
  fc.string({ maxLength: 60, unit: "grapheme" }),
  fc.string({ maxLength: 300, unit: "grapheme-ascii" }),
  fc.string({ maxLength: 40, unit: "binary" }).map((s) => s.replace(/[\u0000\r]/g, "")),
);
const values: fc.Arbitrary<Values> = fc.record({
  label: fc.option(text, { freq: 5 }),
  count: fc.option(fc.oneof(fc.integer(), fc.constantFrom(-2147483648, 2147483647, 0)), { freq: 5 }),
  amount: fc.option(
    fc.oneof(
      fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }).map((d) => Number(d.toPrecision(15))),
      fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 0.1, 1e-10, 123456789.123456),
    ),
    { freq: 5 },
  ),
  observed: fc.option(
    fc.oneof(fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }), fc.constantFrom(-1, 0, 2_147_483_648_000, -86_400_000)),
    { freq: 5 },
  ),
});

const lon = fc.double({ min: -179, max: 179, noNaN: true }).map((v) => Math.round(v * 1e6) / 1e6);
const lat = fc.double({ min: -89, max: 89, noNaN: true }).map((v) => Math.round(v * 1e6) / 1e6);
const xy = fc.tuple(lon, lat);
/** A clockwise rectangle (an Esri outer ring) and, sometimes, a counter-clockwise hole inside it. */
const polygon = fc.tuple(xy, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.boolean()).map(([[x, y], s, hole]): EsriGeometryLike => {
  const [x0, y0, x1, y1] = [Math.min(x, 178), Math.min(y, 88), Math.min(x, 178) + s, Math.min(y, 88) + s];
  const outer = [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]];
  const d = s / 4;
  const inner = [[x0 + d, y0 + d], [x1 - d, y0 + d], [x1 - d, y1 - d], [x0 + d, y1 - d], [x0 + d, y0 + d]];
  return { rings: hole ? [outer, inner] : [outer] };
});
const geometryOf: Record<(typeof GEOMETRY_TYPES)[number], fc.Arbitrary<EsriGeometryLike>> = {
  esriGeometryPoint: xy.map(([x, y]) => ({ x, y })),
  esriGeometryMultipoint: fc.array(xy, { minLength: 1, maxLength: 5 }).map((points) => ({ points })),
  esriGeometryPolyline: fc.array(fc.array(xy, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }).map((paths) => ({ paths })),
  esriGeometryPolygon: polygon,
};

interface Format {
  ext: string;
  open: (path: string) => string;
  openOptions?: string[];
}
const FORMATS: Format[] = [
  { ext: ".geojson", open: (p) => p },
  { ext: ".shp", open: (p) => p },
  { ext: ".csv", open: (p) => p, openOptions: ["AUTODETECT_TYPE=NO"] },
  { ext: ".gpkg", open: (p) => p },
];

const cut254 = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= 254) return s;
  return new TextDecoder().decode(bytes.slice(0, 254)).replace(/\uFFFD$/, "");
};

/** Checks one value GDAL read against the value written, within the format's limits. */
function checkValue(format: Format, name: keyof Values, written: unknown, props: Record<string, unknown>, label: string): void {
  const dbf = format.ext === ".shp";
  const text = format.ext === ".csv";
  let got = props[name] ?? null;
  if ((dbf || text) && got === "") got = null;
  if (written === null || ((dbf || text) && written === "")) {
    expect(got, label).toBeNull();
    return;
  }
  switch (name) {
    case "label":
      // GDAL 3.6's GeoJSON output (how these tests read every format) turns text that is a JSON object or array into JSON.
      if (typeof got === "object" && got !== null) expect(got, label).toEqual(JSON.parse(written as string));
      else expect(got, label).toBe(dbf ? cut254(written as string).replace(/^ +| +$/g, "") || null : written);
      break;
    case "count":
      expect(Number(got), label).toBe(written);
      break;
    case "amount":
      // DBF numbers are fixed-point N(24,15): 15 significant digits, and nothing below 1e-15.
      if (dbf) expect(Math.abs(Number(got) - (written as number)), label).toBeLessThanOrEqual(Math.max(Math.abs(written as number) * 1e-14, 1e-15));
      else expect(Number(got), label).toBe(written);
      break;
    case "observed":
      if (dbf) {
        expect(String(got).replaceAll("/", "-"), label).toBe(new Date(written as number).toISOString().slice(0, 10));
        expect(gdalDateMillis(props.observed_T), `${label} (observed_T)`).toBe(written);
      } else expect(gdalDateMillis(got), label).toBe(written);
      break;
  }
}

describe.skipIf(skipGdal)(`writers read back by GDAL (fast-check seed ${SEED}; rerun with FC_SEED=${SEED})`, () => {
  const root = mkdtempSync(join(tmpdir(), "arcrest-writers-prop-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const perType = RECORDS / GEOMETRY_TYPES.length;

  describe.each(GEOMETRY_TYPES)("%s", (geometryType) => {
    const records = fc.sample(fc.tuple(values, geometryOf[geometryType]), { seed: SEED + GEOMETRY_TYPES.indexOf(geometryType), numRuns: perType });
    const featureSet = {
      geometryType,
      spatialReference: { wkid: 4326 },
      fields: FIELDS,
      features: records.map(([v, geometry], i) => ({ attributes: { OBJECTID: i + 1, ...v }, geometry })),
    };
    const input = join(root, `${geometryType}.esrijson`);
    writeFileSync(input, JSON.stringify(featureSet));
    const reference = (): OgrFeature[] => ogrFeatures(`ESRIJSON:${input}`);

    it.each(FORMATS)("$ext", async (format) => {
      const path = join(root, `${geometryType}${format.ext}`);
      await exportFeatureSet(featureSet, path);
      const read = ogrFeatures(format.open(path), format.openOptions ? { openOptions: format.openOptions } : {});
      expect(read).toHaveLength(records.length);
      const expected = format.ext === ".csv" ? undefined : reference();
      read.forEach((feature, i) => {
        const label = `${format.ext} ${geometryType} #${i} (seed ${SEED})`;
        for (const name of ["label", "count", "amount", "observed"] as const) checkValue(format, name, records[i][0][name], feature.properties, `${label} ${name}`);
        if (expected) expectSameGeometry(feature.geometry, expected[i].geometry, 1e-9, label);
      });
    }, 120_000);
  });
});
