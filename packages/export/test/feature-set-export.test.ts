import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ExportValidationError } from "../src/index.js";
import { exportFeatureSet, exportGeocodeResults } from "../src/node/index.js";
import { gdalDateMillis } from "./support/compare.js";
import { ogrFeatures, ogrSummary, skipGdal } from "./support/gdal.js";

const root = mkdtempSync(join(tmpdir(), "arcrest-fs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("exportGeocodeResults", () => {
  const candidates = [
    {
      address: "353 N 5th St, Minneapolis, MN, 55403",
      location: { x: -93.2805, y: 44.9832, spatialReference: { wkid: 4326 } },
      score: 100,
      attributes: { Loc_name: "HC_COMPOSITE", Match_addr: "353 N 5th St", Score: 100, Side: "L", Exact: true },
    },
    {
      address: "353 N 5th Ave, Minneapolis, MN, 55401",
      location: { x: -93.2712, y: 44.9853 },
      score: 87.5,
      attributes: { Loc_name: "HC_COMPOSITE", Match_addr: "353 N 5th Ave", Score: 87.5, Side: null, Exact: false },
    },
  ];

  it.skipIf(skipGdal)("writes points with address, score and the locator's fields", async () => {
    const path = join(mkdtempSync(join(root, "geo")), "target_field.shp");
    const result = await exportGeocodeResults(candidates, path);
    expect(result.featureCount).toBe(2);
    const summary = ogrSummary(path);
    expect(summary.geometry).toBe("Point");
    expect(summary.srs).toContain('ID["EPSG",4326]');
    expect([...summary.fields.keys()]).toEqual(["address", "score", "Loc_name", "Match_addr", "Side", "Exact"]);
    expect(summary.fields.get("Exact")?.type).toBe("String"); // DBF L fields read back as strings
    const features = ogrFeatures(path);
    expect(features.map((f) => f.properties.score)).toEqual([100, 87.5]);
    expect(features.map((f) => f.properties.Exact)).toEqual(["T", "F"]);
    expect(features[1].properties.Side).toBeNull();
    expect(features[0].geometry?.coordinates).toEqual([-93.2805, 44.9832]);
  });

  const records = ["353 N 5th St, Minneapolis, MN 55403", { Address: "1 Nowhere Rd", City: "Gotham" }, "500 Oak St"];
  const results = [
    { index: 0, status: "matched", candidate: { ...candidates[0], attributes: { ResultID: 1, Status: "M", Score: 100, Match_addr: "353 N 5th St", Loc_name: "HC" } } },
    { index: 1, status: "unmatched" },
    { index: 2, status: "failed", error: { message: "the locator returned no result for record 2" } },
  ];

  it.skipIf(skipGdal)("writes geocodeAddresses results with status, score, match address and input fields; unmatched kept with a null shape", async () => {
    const dir = mkdtempSync(join(root, "batch"));
    for (const ext of ["shp", "geojson", "csv"]) {
      const path = join(dir, `geocoded.${ext}`);
      const result = await exportGeocodeResults(results, path, { records });
      expect(result.featureCount).toBe(3);
      const features = ogrFeatures(path);
      expect(features.map((f) => f.properties.status)).toEqual(["matched", "unmatched", "failed"]);
      expect(features.map((f) => (f.properties.score === null || f.properties.score === "" ? null : Number(f.properties.score)))).toEqual([100, null, null]);
      expect(features[0].properties.address).toBe(candidates[0].address);
      expect(features[0].properties.input).toBe(records[0]);
      expect(features[1].properties.in_Address).toBe("1 Nowhere Rd");
      expect(features[1].properties.in_City).toBe("Gotham");
      expect(features[2].properties.error).toBe("the locator returned no result for record 2");
      expect(features[0].properties.Match_addr).toBe("353 N 5th St");
      if (ext !== "csv") {
        expect(features[0].geometry?.coordinates).toEqual([-93.2805, 44.9832]);
        expect(features[1].geometry ?? null).toBeNull();
      } else {
        expect(features[1].properties.X ?? features[1].properties.x ?? "").toBe("");
      }
    }
  });

  it("rejects candidates without a location", async () => {
    await expect(exportGeocodeResults([{ address: "x", score: 1 } as never], join(root, "bad.csv"))).rejects.toBeInstanceOf(ExportValidationError);
  });
});

describe("exportFeatureSet", () => {
  it.skipIf(skipGdal)("infers fields from the attributes when a GP result has none, Dates included", async () => {
    const dir = mkdtempSync(join(root, "gp"));
    const featureSet = {
      geometryType: "esriGeometryPolygon" as const,
      spatialReference: { wkid: 102100, latestWkid: 3857 },
      features: [
        {
          attributes: { ObjectID: 1, FromBreak: 0, ToBreak: 1.5, Name: "Location 1 : 0 - 1.5", when: new Date(Date.UTC(2024, 6, 4, 9, 30)) },
          geometry: { rings: [[[-13000000, 4000000], [-13000000, 4001000], [-12999000, 4001000], [-12999000, 4000000], [-13000000, 4000000]]] },
        },
        {
          attributes: { ObjectID: 2, FromBreak: 1.5, ToBreak: 3, Name: "Location 1 : 1.5 - 3", when: null },
          geometry: { rings: [[[-13000000, 4000000], [-13000000, 4002000], [-12998000, 4002000], [-12998000, 4000000], [-13000000, 4000000]]] },
        },
      ],
    };
    const path = join(dir, "drive_times.shp");
    await exportFeatureSet(featureSet, path);
    const summary = ogrSummary(path);
    expect(summary.srs).toContain('ID["EPSG",3857]');
    expect(Object.fromEntries([...summary.fields].map(([k, v]) => [k, v.type]))).toEqual({
      ObjectID: "Integer64",
      FromBreak: "Real",
      ToBreak: "Real",
      Name: "String",
      when: "Date",
      when_T: "String",
    });
    const features = ogrFeatures(path);
    expect(features.map((f) => f.properties.ToBreak)).toEqual([1.5, 3]);
    expect(gdalDateMillis(features[0].properties.when_T)).toBe(Date.UTC(2024, 6, 4, 9, 30));

    await exportFeatureSet(featureSet, join(dir, "drive_times.geojson"));
    const geojson = ogrFeatures(join(dir, "drive_times.geojson"));
    expect(geojson[0].properties.when).toBe("2024-07-04T09:30:00Z");
    const [lon, lat] = (geojson[0].geometry?.coordinates as number[][][])[0][0];
    // Spherical Mercator inverse, R = 6378137.
    expect(lon).toBeCloseTo((-13000000 / 6378137) * (180 / Math.PI), 9);
    expect(lat).toBeCloseTo((2 * Math.atan(Math.exp(4000000 / 6378137)) - Math.PI / 2) * (180 / Math.PI), 9);
  });

  it("rejects something that is not a feature set", async () => {
    await expect(exportFeatureSet({} as never, join(root, "x.geojson"))).rejects.toBeInstanceOf(ExportValidationError);
  });
});
