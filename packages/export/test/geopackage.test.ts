import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MapServiceLayer } from "@arcrest/query";
import { startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { ExportAbortedError } from "../src/index.js";
import { clip, exportFeatureSet, exportLayer, exportReplica } from "../src/node/index.js";
import { ogrFeatures, ogrSummary, skipGdal } from "./support/gdal.js";

const SYNTHETIC = 100_000;
let server: SampleServer;
let root: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ server, dir: root, close } = await startSampleServerAndFolder("arcrest-gpkg-", { syntheticPoints: SYNTHETIC })));
afterAll(() => close?.());

function ogr(args: string[]): string {
  const result = spawnSync("ogrinfo", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

/** `Extent: (xmin, ymin) - (xmax, ymax)` of `ogrinfo -so`. */
function extentOf(path: string): number[] {
  const m = /^Extent: \(([-\d.e]+), ([-\d.e]+)\) - \(([-\d.e]+), ([-\d.e]+)\)$/m.exec(ogr(["-so", "-al", path]));
  if (!m) throw new Error(`no extent for ${path}`);
  return m.slice(1).map(Number);
}

/** One value of a SQL query GDAL runs on the file (with its GeoPackage functions). */
function ogrSql(path: string, sql: string): string {
  const out = ogr(["-q", "-sql", sql, path]);
  return /= (.*)$/m.exec(out)?.[1] ?? "";
}

const FIELDS = [
  { name: "OBJECTID", type: "esriFieldTypeOID" },
  { name: "label", type: "esriFieldTypeString", length: 400 },
  { name: "count", type: "esriFieldTypeSmallInteger" },
  { name: "big", type: "esriFieldTypeBigInteger" },
  { name: "ratio", type: "esriFieldTypeSingle" },
  { name: "when", type: "esriFieldTypeDate" },
  { name: "day", type: "esriFieldTypeDateOnly" },
];
const LONG = "x".repeat(300);
const WHEN = Date.UTC(2024, 4, 1, 12, 30, 15, 250);

describe("GeoPackage output (.gpkg), read back by GDAL", () => {
  it("writes points with Z and M, nulls, long text, 64-bit integers and dates", async () => {
    const path = join(root, "points.gpkg");
    const result = await exportFeatureSet(
      {
        fields: FIELDS,
        geometryType: "esriGeometryPoint",
        hasZ: true,
        hasM: true,
        spatialReference: { wkid: 4326 },
        features: [
          { attributes: { OBJECTID: 1, label: LONG, count: 7, big: 2n ** 60n, ratio: 0.5, when: WHEN, day: "2024-05-01" }, geometry: { x: -121.5, y: 38.5, z: 12, m: 3 } },
          { attributes: { OBJECTID: 2, label: null, count: null, big: null, ratio: null, when: null, day: null }, geometry: { x: -120, y: 39, z: 1, m: 4 } },
          { attributes: { OBJECTID: 3, label: "no shape", count: 1, big: 1, ratio: 1, when: new Date(WHEN), day: null }, geometry: null },
        ],
      },
      path,
    );
    expect(result).toMatchObject({ format: "gpkg", featureCount: 3, files: [path] });
    if (skipGdal) return;
    const summary = ogrSummary(path);
    expect(summary.driver).toBe("GPKG");
    expect(summary.featureCount).toBe(3);
    expect(summary.geometry).toBe("3D Measured Point");
    expect(summary.srs).toContain('ID["EPSG",4326]');
    expect(Object.fromEntries([...summary.fields].map(([name, f]) => [name, f.type]))).toEqual({
      OBJECTID: "Integer",
      label: "String",
      big: "Integer64",
      when: "DateTime",
      day: "Date",
    });
    // Subtypes are kept too (GDAL lists them as `Type(Subtype)`, which the summary helper leaves out).
    const listing = ogr(["-so", "-al", path]);
    expect(listing).toMatch(/^count: Integer\(Int16\) /m);
    expect(listing).toMatch(/^ratio: Real\(Float32\) /m);
    expect(summary.fields.get("label")?.width).toBe(400);
    expect(extentOf(path)).toEqual([-121.5, 38.5, -120, 39]);
    const features = ogrFeatures(path);
    expect(features.map((f) => f.geometry?.coordinates ?? null)).toEqual([[-121.5, 38.5, 12], [-120, 39, 1], null]);
    expect(features[0].properties).toMatchObject({ label: LONG, count: 7, ratio: 0.5, when: "2024-05-01T12:30:15.250Z", day: "2024-05-01" });
    expect(features[1].properties).toEqual({ OBJECTID: 2, label: null, count: null, big: null, ratio: null, when: null, day: null });
    expect(features[2].properties).toMatchObject({ when: "2024-05-01T12:30:15.250Z" });
    // 2^60 does not survive JSON numbers: ask SQLite through GDAL for the exact text.
    expect(ogrSql(path, "SELECT CAST(big AS TEXT) AS t FROM points WHERE OBJECTID = 1")).toBe(String(2n ** 60n));
    // M values are in the WKB (GeoJSON drops them): GDAL's ST_M reads them back.
    expect(ogrSql(path, "SELECT ST_M(geom) AS m FROM points WHERE OBJECTID = 2")).toBe("4");
  });

  it("writes multipart lines and polygons with holes in a projected spatial reference, with an R-tree index", async () => {
    const lines = join(root, "lines.gpkg");
    await exportFeatureSet(
      {
        geometryType: "esriGeometryPolyline",
        spatialReference: { wkid: 102100, latestWkid: 3857 },
        fields: [{ name: "name", type: "esriFieldTypeString" }],
        features: [
          { attributes: { name: "two paths" }, geometry: { paths: [[[0, 0], [10, 10]], [[20, 20], [30, 25], [40, 20]]] } },
          { attributes: { name: "one" }, geometry: { paths: [[[-5, -5], [0, 1]]] } },
        ],
      },
      lines,
    );
    const polygons = join(root, "polygons.gpkg");
    await exportFeatureSet(
      {
        geometryType: "esriGeometryPolygon",
        spatialReference: { wkid: 102100, latestWkid: 3857 },
        fields: [{ name: "name", type: "esriFieldTypeString" }],
        features: [
          {
            attributes: { name: "square with hole and an island" },
            geometry: {
              rings: [
                [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]],
                [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]],
                [[20, 20], [20, 30], [30, 30], [20, 20]],
              ],
            },
          },
          { attributes: { name: "wrong type" }, geometry: { x: 1, y: 1 } },
        ],
      },
      polygons,
    );
    if (skipGdal) return;
    expect(ogrSummary(lines).geometry).toBe("Multi Line String");
    expect(ogrFeatures(lines).map((f) => f.geometry?.coordinates)).toEqual([
      [[[0, 0], [10, 10]], [[20, 20], [30, 25], [40, 20]]],
      [[[-5, -5], [0, 1]]],
    ]);
    expect(extentOf(lines)).toEqual([-5, -5, 40, 25]);
    const summary = ogrSummary(polygons);
    expect(summary.geometry).toBe("Multi Polygon");
    expect(summary.srs).toContain('ID["EPSG",3857]');
    const [first, second] = ogrFeatures(polygons);
    expect(first.geometry).toEqual({
      type: "MultiPolygon",
      coordinates: [
        [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]], [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]],
        [[[20, 20], [20, 30], [30, 30], [20, 20]]],
      ],
    });
    expect(second.geometry).toBeNull();
    expect(ogrSql(polygons, "SELECT HasSpatialIndex('polygons', 'geom') AS h")).toBe("1");
    // The index answers a window query with the one feature there.
    const hits = ogr(["-q", "-al", "-spat", "21", "21", "22", "22", polygons]);
    expect(hits.match(/OGRFeature/g)).toHaveLength(1);
    // The file is a GeoPackage by its header, with the index registered and its triggers in place.
    const db = new Database(polygons, { readonly: true });
    try {
      expect(db.pragma("application_id", { simple: true })).toBe(0x47504b47);
      expect(db.pragma("user_version", { simple: true })).toBe(10200);
      expect(db.prepare("SELECT extension_name, scope FROM gpkg_extensions").all()).toEqual([{ extension_name: "gpkg_rtree_index", scope: "write-only" }]);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 6 });
      expect(db.prepare("SELECT count(*) AS n FROM rtree_polygons_geom").get()).toEqual({ n: 1 });
      expect(db.prepare("SELECT rtreecheck('rtree_polygons_geom') AS r").get()).toEqual({ r: "ok" });
    } finally {
      db.close();
    }
  });

  it("exports a 100,000-feature layer with the right count, extent and spatial reference", async () => {
    const layer = await MapServiceLayer.connect(`${server.restUrl}/Bench/SyntheticPoints/MapServer/0`);
    const path = join(root, "synthetic.gpkg");
    const progress: number[] = [];
    const result = await exportLayer(layer, path, { onProgress: (p) => progress.push(p.done) });
    expect(result.featureCount).toBe(SYNTHETIC);
    expect(progress.at(-1)).toBe(SYNTHETIC);
    if (skipGdal) return;
    const summary = ogrSummary(path);
    expect(summary.featureCount).toBe(SYNTHETIC);
    expect(summary.geometry).toBe("Point");
    const wkid = layer.spatialReference?.latestWkid ?? layer.spatialReference?.wkid;
    expect(summary.srs).toContain(`ID["EPSG",${wkid}]`);
    const fieldNames = layer.fields.filter((f) => f.type !== "esriFieldTypeGeometry").map((f) => f.name);
    expect([...summary.fields.keys()]).toEqual(fieldNames);
    // The extent GDAL reports is the one of the features the server holds.
    const bounds = [Infinity, Infinity, -Infinity, -Infinity];
    let inWindow = 0;
    for await (const feature of layer.features({ outFields: [fieldNames[0]] })) {
      const point = feature.geometry as { x: number; y: number };
      if (point.x >= -100 && point.x <= -95 && point.y >= 35 && point.y <= 40) inWindow++;
      bounds[0] = Math.min(bounds[0], point.x);
      bounds[1] = Math.min(bounds[1], point.y);
      bounds[2] = Math.max(bounds[2], point.x);
      bounds[3] = Math.max(bounds[3], point.y);
    }
    extentOf(path).forEach((value, i) => expect(value).toBeCloseTo(bounds[i], 5));
    expect(Number(ogrSql(path, `SELECT count(*) AS n FROM rtree_${summary.layerName}_geom`))).toBe(SYNTHETIC);
    // Rows go in 16 at a time: every R-tree box belongs to the row its id names (GDAL's ST_ functions read the geometry).
    const t = summary.layerName;
    const mismatched = `SELECT count(*) AS n FROM ${t} JOIN rtree_${t}_geom r ON r.id = ${t}.fid WHERE abs(r.minx - ST_MinX(${t}.geom)) > 1e-4 OR abs(r.maxy - ST_MaxY(${t}.geom)) > 1e-4`;
    expect(Number(ogrSql(path, mismatched))).toBe(0);
    // The R-tree (packed in one pass) is well formed and answers a window as a scan would.
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare(`SELECT rtreecheck('rtree_${summary.layerName}_geom') AS r`).get()).toEqual({ r: "ok" });
    } finally {
      db.close();
    }
    expect(inWindow).toBeGreaterThan(100);
    const filtered = ogr(["-so", "-al", "-spat", "-100", "35", "-95", "40", path]);
    expect(Number(/^Feature Count: (\d+)$/m.exec(filtered)?.[1])).toBe(inWindow);
  }, 120_000);

  it("clips to a GeoPackage", async () => {
    const gauges = await MapServiceLayer.connect(`${server.restUrl}/ahps_gauges/MapServer/0`);
    const sacramento = { rings: [[[-121.5, 38.6], [-121.2, 38.6], [-121.2, 38.3], [-121.5, 38.3], [-121.5, 38.6]]], spatialReference: { wkid: 4326 } };
    const clipped = join(root, "clipped.gpkg");
    const result = await clip(gauges, sacramento, clipped, { fields: ["gaugelid", "location"] });
    expect(result.featureCount).toBeGreaterThan(0);
    if (skipGdal) return;
    const summary = ogrSummary(clipped);
    expect(summary.featureCount).toBe(result.featureCount);
    expect([...summary.fields.keys()]).toEqual(["gaugelid", "location"]);
    const [xmin, ymin, xmax, ymax] = extentOf(clipped);
    expect(xmin).toBeGreaterThanOrEqual(-121.5);
    expect(xmax).toBeLessThanOrEqual(-121.2);
    expect(ymin).toBeGreaterThanOrEqual(38.3);
    expect(ymax).toBeLessThanOrEqual(38.6);
  });

  it("writes a replica as one GeoPackage with a table per layer, a table without geometry included", async () => {
    const service = `${server.restUrl}/ahps_gauges/MapServer`;
    const layers = [];
    for (const id of [0, 1, 2]) {
      const layer = await MapServiceLayer.connect(`${service}/${id}`);
      const { features } = await layer.query({ where: "1=1", outFields: ["*"], getAll: true, normalize: false });
      layers.push({ id, features, attachments: [], name: layer.name, isTable: layer.geometryType === undefined });
    }
    const attachments = [{ id: 7, parentObjectId: layers[0]?.features[0]?.attributes.objectid as number, name: "photo.jpg", data: Buffer.from("jpeg").toString("base64") }];
    const folder = mkdtempSync(join(root, "replica-"));
    const written = await exportReplica(
      { serviceUrl: service, replicaName: "gauges replica", layers: layers.map((l, i) => ({ id: l.id, features: l.features, attachments: i === 0 ? attachments : [] })) },
      folder,
      { extension: ".gpkg" },
    );
    const path = join(folder, "gauges_replica.gpkg");
    expect(readdirSync(folder).sort()).toEqual(["gauges_replica.gpkg", `${layers[0]?.name}_attachments`]);
    expect(written.map((w) => [w.layerId, w.table, w.result.format, w.result.files, w.result.featureCount])).toEqual(
      layers.map((l) => [l.id, l.name, "gpkg", [path], l.features.length]),
    );
    expect(written[0]?.attachments).toHaveLength(1);

    const db = new Database(path, { readonly: true });
    try {
      const contents = db.prepare("SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name").all();
      expect(contents).toEqual(layers.map((l) => ({ table_name: l.name, data_type: l.isTable ? "attributes" : "features" })).sort((a, b) => a.table_name.localeCompare(b.table_name)));
      const listed = db.prepare(`SELECT attachments FROM "${layers[0]?.name}" WHERE attachments <> ''`).all();
      expect(listed).toEqual([{ attachments: written[0]?.attachments[0] }]);
    } finally {
      db.close();
    }
    if (skipGdal) return;
    const info = spawnSync("ogrinfo", ["-q", path], { encoding: "utf8" }).stdout;
    for (const l of layers) expect(info).toContain(l.name);
    for (const l of layers) expect(ogrSummary(path, [], l.name).featureCount).toBe(l.features.length);
  });

  it("leaves nothing behind when aborted", async () => {
    const layer = await MapServiceLayer.connect(`${server.restUrl}/Bench/SyntheticPoints/MapServer/0`);
    const dir = mkdtempSync(join(root, "abort-"));
    const controller = new AbortController();
    const run = exportLayer(layer, join(dir, "a.gpkg"), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 5000) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportAbortedError);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, "a.gpkg"))).toBe(false);
  }, 60_000);
});
