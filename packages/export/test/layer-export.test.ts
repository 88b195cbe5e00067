import { mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MapServiceLayer } from "@arcrest/query";
import { SACRAMENTO_GAUGES, startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { ExportAbortedError, ExportValidationError } from "../src/index.js";
import { clip, exportLayer } from "../src/node/index.js";
import { gdalDateMillis } from "./support/compare.js";
import { ogrFeatures, ogrSummary, skipGdal } from "./support/gdal.js";

// The seed README's clip polygon (Sacramento area).
const SACRAMENTO = {
  rings: [[[-121.5, 38.6], [-121.4, 38.6], [-121.3, 38.6], [-121.2, 38.6], [-121.2, 38.3], [-121.5, 38.3], [-121.5, 38.6]]],
  spatialReference: { wkid: 4326, latestWkid: 4326 },
};
const WHERE = "state = 'CA'";

let server: SampleServer;
let gauges: MapServiceLayer;
let root: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ server, dir: root, close } = await startSampleServerAndFolder("arcrest-layer-"));
  gauges = await MapServiceLayer.connect(`${server.restUrl}/ahps_gauges/MapServer/0`);
});
afterAll(() => close?.());

describe("exportLayer over HTTP (sample server)", () => {
  it("exports California gauges to a shapefile in Web Mercator, every feature and field", async () => {
    const dir = mkdtempSync(join(root, "shp"));
    const path = join(dir, "California_Stream_Gauges.shp");
    const progress: { done: number; total?: number }[] = [];
    const result = await exportLayer(gauges, path, { where: WHERE, outSR: 102100, onProgress: (p) => progress.push(p) });
    const expected = await gauges.count({ where: WHERE });
    expect(expected).toBeGreaterThan(SACRAMENTO_GAUGES);
    expect(result.featureCount).toBe(expected);
    expect(progress.at(-1)).toEqual({ done: expected, total: expected });
    expect(readdirSync(dir).sort()).toEqual(["California_Stream_Gauges.cpg", "California_Stream_Gauges.dbf", "California_Stream_Gauges.prj", "California_Stream_Gauges.shp", "California_Stream_Gauges.shx"]);
    if (skipGdal) return;

    const summary = ogrSummary(path);
    expect(summary.featureCount).toBe(expected);
    expect(summary.geometry).toBe("Point");
    expect(summary.srs).toContain('ID["EPSG",3857]');
    expect([...summary.fields.keys()]).toEqual(["objectid", "gaugelid", "status", "location", "state", "waterbody", "obstime", "obstime_T", "stage", "flow"]);
    expect(summary.fields.get("stage")).toEqual({ type: "Real", width: 24, precision: 15 });

    // Compare with the same features read in WGS84 straight from the server, projected by GDAL.
    const reference = await gauges.query({ where: WHERE, outFields: ["*"], outSR: 4326, getAll: true, orderByFields: ["objectid"] });
    const written = ogrFeatures(path, { toSrs: "EPSG:4326" });
    const byId = new Map(reference.features.map((f) => [f.attributes.objectid, f]));
    for (const feature of written) {
      const source = byId.get(feature.properties.objectid as number);
      expect(source).toBeDefined();
      const [x, y] = feature.geometry?.coordinates as number[];
      const point = source?.geometry as { x: number; y: number };
      expect(x).toBeCloseTo(point.x, 7);
      expect(y).toBeCloseTo(point.y, 7);
      expect(feature.properties.gaugelid).toBe(source?.attributes.gaugelid);
      expect(feature.properties.stage).toBe(source?.attributes.stage);
      const obstime = source?.attributes.obstime as Date;
      expect(gdalDateMillis(feature.properties.obstime_T)).toBe(obstime.getTime());
      expect(feature.properties.obstime).toBe(obstime.toISOString().slice(0, 10));
    }
  });

  it("exports to KMZ with placemarks named by the display field", async () => {
    const dir = mkdtempSync(join(root, "kmz"));
    const path = join(dir, "gauges.kmz");
    const result = await exportLayer(gauges, path, { where: WHERE });
    expect(result.featureCount).toBe(await gauges.count({ where: WHERE }));
    if (skipGdal) return;
    const summary = ogrSummary(path);
    expect(summary.driver).toBe("LIBKML");
    expect(summary.featureCount).toBe(result.featureCount);
    const features = ogrFeatures(path);
    expect(features.every((f) => typeof f.properties.Name === "string" && f.properties.Name === f.properties.location)).toBe(true);
    expect(features.every((f) => f.properties.state === "CA")).toBe(true);
  });

  it("writes only the fields asked for (case-insensitive) and rejects unknown ones", async () => {
    const dir = mkdtempSync(join(root, "fields"));
    const result = await exportLayer(gauges, join(dir, "f.geojson"), { where: WHERE, fields: ["GAUGELID", "stage"] });
    expect(result.featureCount).toBeGreaterThan(0);
    if (!skipGdal) expect([...ogrSummary(join(dir, "f.geojson")).fields.keys()]).toEqual(["gaugelid", "stage"]);
    await expect(exportLayer(gauges, join(dir, "g.csv"), { fields: ["gaugelid", "nope"] })).rejects.toBeInstanceOf(ExportValidationError);
    expect(readdirSync(dir)).toEqual(["f.geojson"]);
  });

  it("an export aborted while pages are arriving leaves nothing behind", async () => {
    const dir = mkdtempSync(join(root, "abort"));
    const controller = new AbortController();
    const promise = exportLayer(gauges, join(dir, "all.shp"), {
      signal: controller.signal,
      pageSize: 100,
      onProgress: (p) => p.done >= 500 && controller.abort(),
    });
    await expect(promise).rejects.toBeInstanceOf(ExportAbortedError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

  it("reads the layer's features() a page at a time, not one await per feature", async () => {
    let nextCalls = 0;
    const counted: typeof gauges = Object.create(gauges, {
      features: {
        value: (options?: Parameters<typeof gauges.features>[0]) => {
          const iterator = gauges.features(options);
          const next = iterator.next.bind(iterator);
          iterator.next = (...args) => {
            nextCalls++;
            return next(...args);
          };
          return iterator;
        },
      },
    });
    const dir = mkdtempSync(join(root, "pages"));
    for (const ext of ["geojson", "csv", "kml", "shp"]) {
      nextCalls = 0;
      const result = await exportLayer(counted, join(dir, `all.${ext}`), { pageSize: 100 });
      expect(result.featureCount).toBeGreaterThan(500);
      // One next() per page (its first feature; the rest is taken at once), plus the end.
      expect(nextCalls, ext).toBeLessThanOrEqual(Math.ceil(result.featureCount / 100) + 2);
    }
  });

describe("clip over HTTP (sample server)", () => {
  it("clips gauges to the seed's Sacramento polygon with a field list", async () => {
    const dir = mkdtempSync(join(root, "clip"));
    const path = join(dir, "Sacramento_gauges.shp");
    const result = await clip(gauges, SACRAMENTO, path, { fields: ["gaugelid", "location"] });
    expect(result.featureCount).toBe(SACRAMENTO_GAUGES);
    if (skipGdal) return;
    const summary = ogrSummary(path);
    expect([...summary.fields.keys()]).toEqual(["gaugelid", "location"]);
    expect(summary.srs).toContain('ID["EPSG",4326]');
    for (const f of ogrFeatures(path)) {
      const [x, y] = f.geometry?.coordinates as number[];
      expect(x >= -121.5 && x <= -121.2 && y >= 38.3 && y <= 38.6).toBe(true);
    }
  });

  it.skipIf(skipGdal)("cuts polygons (holes, several parts) and lines like GDAL/GEOS does", async () => {
    const dir = mkdtempSync(join(root, "clip-shapes"));
    // A clip polygon with a hole, cutting across districts, their lakes and islands.
    const cutter = {
      rings: [
        [[-122.45, 37.2], [-122.45, 38.3], [-121.55, 38.3], [-121.55, 37.2], [-122.45, 37.2]],
        [[-122.2, 37.7], [-121.9, 37.7], [-121.9, 37.95], [-122.2, 37.95], [-122.2, 37.7]],
      ],
      spatialReference: { wkid: 4326 },
    };
    const wkt =
      "POLYGON ((-122.45 37.2, -122.45 38.3, -121.55 38.3, -121.55 37.2, -122.45 37.2), (-122.2 37.7, -121.9 37.7, -121.9 37.95, -122.2 37.95, -122.2 37.7))";
    for (const [id, measure] of [
      [0, "OGR_GEOM_AREA"],
      [1, "OGR_GEOM_LENGTH"],
    ] as const) {
      const layer = await MapServiceLayer.connect(`${server.restUrl}/Boundaries/Districts/MapServer/${id}`);
      const whole = join(dir, `whole${id}.shp`);
      const cut = join(dir, `cut${id}.shp`);
      const reference = join(dir, `gdal${id}.shp`);
      await exportLayer(layer, whole);
      const result = await clip(layer, cutter, cut);
      const ogr = spawnSync("ogr2ogr", ["-clipsrc", wkt, reference, whole], { encoding: "utf8" });
      expect(ogr.status, ogr.stderr).toBe(0);
      const sql = (file: string): Map<number, number> => {
        const name = file.replace(/^.*\//, "").replace(/\.shp$/, "");
        const out = spawnSync("ogr2ogr", ["-f", "GeoJSON", "/vsistdout/", file, "-dialect", "SQLite", "-sql", `SELECT objectid, ST_Area(geometry) AS a, ST_Length(geometry) AS l FROM "${name}"`], { encoding: "utf8" });
        expect(out.status, out.stderr).toBe(0);
        const features = (JSON.parse(out.stdout) as { features: { properties: { objectid: number; a: number; l: number } }[] }).features;
        return new Map(features.map((f) => [f.properties.objectid, measure === "OGR_GEOM_AREA" ? f.properties.a : f.properties.l]));
      };
      const mine = sql(cut);
      const gdal = new Map([...sql(reference)].filter(([, v]) => v > 1e-12));
      expect(result.featureCount).toBe(gdal.size);
      expect([...mine.keys()].sort((a, b) => a - b)).toEqual([...gdal.keys()].sort((a, b) => a - b));
      for (const [oid, value] of gdal) expect(mine.get(oid), `${measure} of ${oid}`).toBeCloseTo(value, 9);
      // The cut really cut: some features lost part of their area or length, some were dropped.
      const before = sql(whole);
      expect([...gdal].filter(([oid, v]) => v < (before.get(oid) ?? 0) - 1e-9).length).toBeGreaterThan(2);
      expect(gdal.size).toBeLessThan(before.size);
    }
  });

  it("rejects a clip geometry that is not a polygon", async () => {
    await expect(clip(gauges, { x: 1, y: 2 }, join(root, "x.shp"))).rejects.toBeInstanceOf(ExportValidationError);
  });
});
