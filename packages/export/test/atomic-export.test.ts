import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DestinationExistsError, ExportAbortedError, FileSizeLimitError, type ExportFeature, type FeatureSource } from "../src/index.js";
import { exportFeatureSet, writeFeaturesToFile } from "../src/node/index.js";
import { loadCase } from "./support/cases.js";
import { ogrSummary, skipGdal } from "./support/gdal.js";

const root = mkdtempSync(join(tmpdir(), "arcrest-atomic-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pointSource(features: AsyncIterable<ExportFeature> | ExportFeature[]): FeatureSource {
  return {
    features,
    fields: [
      { name: "OBJECTID", type: "esriFieldTypeOID" },
      { name: "label", type: "esriFieldTypeString", length: 20 },
    ],
    geometryType: "esriGeometryPoint",
    spatialReference: { wkid: 4326 },
  };
}

function point(i: number): ExportFeature {
  return { attributes: { OBJECTID: i, label: `p${i}` }, geometry: { x: i / 1000, y: i / 2000 } };
}

/** Features forever (until aborted), slowly enough to abort mid-way. */
async function* endless(onYield?: (i: number) => void): AsyncGenerator<ExportFeature> {
  for (let i = 1; ; i++) {
    if (i % 100 === 0) await new Promise((r) => setTimeout(r, 1));
    onYield?.(i);
    yield point(i);
  }
}

const EXTENSIONS = [".shp", ".zip", ".geojson", ".geojsonl", ".kml", ".kmz", ".csv"];

describe("a cancelled or failed export leaves nothing behind", () => {
  it.each(EXTENSIONS)("%s: abort mid-stream", async (ext) => {
    const dir = mkdtempSync(join(root, "abort"));
    const controller = new AbortController();
    const source = pointSource(endless((i) => i === 5000 && controller.abort(new Error("user cancelled"))));
    const error = await writeFeaturesToFile(source, join(dir, `out${ext}`), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportAbortedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(EXTENSIONS)("%s: the feature source fails mid-stream", async (ext) => {
    const dir = mkdtempSync(join(root, "fail"));
    async function* failing(): AsyncGenerator<ExportFeature> {
      for (let i = 1; i <= 3000; i++) yield point(i);
      throw new Error("connection reset");
    }
    await expect(writeFeaturesToFile(pointSource(failing()), join(dir, `out${ext}`))).rejects.toThrow("connection reset");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("stops the feature stream when the writer gives up before reading it all", async () => {
    const dir = mkdtempSync(join(root, "close"));
    let closed = false;
    async function* features(): AsyncGenerator<ExportFeature> {
      try {
        for (let i = 1; i < 1_000_000; i++) yield point(i);
      } finally {
        closed = true;
      }
    }
    // GeoJSON must be WGS84, and wkid 999999 cannot be projected: a typed error before any output.
    const source = { ...pointSource(features()), spatialReference: { wkid: 999999 } };
    await expect(writeFeaturesToFile(source, join(dir, "out.geojson"))).rejects.toThrow(/999999/);
    expect(closed).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an already aborted signal writes nothing, and a folder it would have created is not left either", async () => {
    const dir = mkdtempSync(join(root, "pre"));
    const controller = new AbortController();
    controller.abort();
    const target = join(dir, "new", "nested", "out.shp");
    await expect(writeFeaturesToFile(pointSource([point(1)]), target, { signal: controller.signal })).rejects.toBeInstanceOf(ExportAbortedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("creates missing folders for a successful export", async () => {
    const dir = mkdtempSync(join(root, "mk"));
    const result = await writeFeaturesToFile(pointSource([point(1)]), join(dir, "a", "b", "out.geojson"));
    expect(result.files).toEqual([join(dir, "a", "b", "out.geojson")]);
    expect(existsSync(result.files[0])).toBe(true);
  });
});

describe("existing destinations", () => {
  it("are not overwritten without overwrite: true (typed error, file untouched)", async () => {
    const dir = mkdtempSync(join(root, "exists"));
    writeFileSync(join(dir, "out.geojson"), "keep me");
    const error = await exportFeatureSet(loadCase("points-attributes"), join(dir, "out.geojson")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DestinationExistsError);
    expect((error as DestinationExistsError).paths).toEqual([join(dir, "out.geojson")]);
    expect(readFileSync(join(dir, "out.geojson"), "utf8")).toBe("keep me");
    expect(readdirSync(dir)).toEqual(["out.geojson"]);
  });

  it("a shapefile counts as existing when any of its parts does", async () => {
    const dir = mkdtempSync(join(root, "exists-dbf"));
    writeFileSync(join(dir, "out.dbf"), "old");
    await expect(exportFeatureSet(loadCase("points-attributes"), join(dir, "out.shp"))).rejects.toBeInstanceOf(DestinationExistsError);
    expect(readdirSync(dir)).toEqual(["out.dbf"]);
  });

  it("overwrite: true replaces every part and removes stale sidecars (old .prj, spatial index)", async () => {
    const dir = mkdtempSync(join(root, "overwrite"));
    await exportFeatureSet(loadCase("polygons-holes"), join(dir, "out.shp"));
    writeFileSync(join(dir, "out.sbn"), "stale index");
    // Without a known spatial reference there is no .prj: the old one must go.
    const unknownSr = { ...loadCase("points-attributes"), spatialReference: { wkid: 999999 } };
    const warnings: string[] = [];
    const result = await exportFeatureSet(unknownSr, join(dir, "out.shp"), { overwrite: true, onWarning: (w) => warnings.push(w.code) });
    expect(result.shapefile?.parts).not.toContain("prj");
    expect(warnings).toContain("prj-unknown");
    expect(readdirSync(dir).sort()).toEqual(["out.cpg", "out.dbf", "out.shp", "out.shx"]);
    if (!skipGdal) expect(ogrSummary(join(dir, "out.shp")).featureCount).toBe(4);
  });
});

describe("format limits", () => {
  it("stops with FileSizeLimitError before a .shp passes the limit, leaving nothing", async () => {
    const dir = mkdtempSync(join(root, "limit"));
    const features = Array.from({ length: 1000 }, (_, i) => point(i));
    const narrow: FeatureSource = { ...pointSource(features), fields: [{ name: "OBJECTID", type: "esriFieldTypeOID" }] };
    const error = await writeFeaturesToFile(narrow, join(dir, "big.shp"), { shapefile: { maxFileSize: 10_000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSizeLimitError);
    expect((error as FileSizeLimitError).part).toBe("shp");
    // 100-byte header + 28-byte point records: record #354 is the first that does not fit.
    expect((error as FileSizeLimitError).message).toContain("feature #353");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("the .dbf has the same limit", async () => {
    const dir = mkdtempSync(join(root, "limit-dbf"));
    const wide = Array.from({ length: 200 }, (_, i) => ({ attributes: { OBJECTID: i, label: "x".repeat(200) }, geometry: { x: 0, y: 0 } }));
    const source: FeatureSource = { ...pointSource(wide), fields: [{ name: "OBJECTID", type: "esriFieldTypeOID" }, { name: "label", type: "esriFieldTypeString", length: 254 }] };
    const error = await writeFeaturesToFile(source, join(dir, "wide.shp"), { shapefile: { maxFileSize: 20_000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSizeLimitError);
    expect((error as FileSizeLimitError).part).toBe("dbf");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("progress", () => {
  it("reports every 500 features and the total at the end", async () => {
    const dir = mkdtempSync(join(root, "progress"));
    mkdirSync(dir, { recursive: true });
    const seen: number[] = [];
    const result = await writeFeaturesToFile(
      pointSource(Array.from({ length: 1234 }, (_, i) => point(i))),
      join(dir, "p.csv"),
      { onProgress: (p) => seen.push(p.done) },
    );
    expect(result.featureCount).toBe(1234);
    expect(seen).toEqual([500, 1000, 1234]);
  });
});
