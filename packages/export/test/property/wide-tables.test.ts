/**
 * 300 fields with non-Latin names: each writer either writes a file GDAL opens with the same values, or
 * fails with a typed ExportError before anything is written. The shapefile's names are its DBF names (10 bytes),
 * as the export result lists them.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Field } from "@arcrest/core";
import { afterAll, describe, expect, it } from "vitest";
import { ExportError } from "../../src/index.js";
import { exportFeatureSet } from "../../src/node/index.js";
import { ogrFeatures, skipGdal } from "../support/gdal.js";

const SCRIPTS = ["поле", "字段", "حقل", "πεδίο", "フィールド", "champ_é"];
const FIELDS: Field[] = Array.from({ length: 300 }, (_, i) => ({
  name: `${SCRIPTS[i % SCRIPTS.length]}_${i}`,
  type: i % 2 ? "esriFieldTypeInteger" : "esriFieldTypeString",
  alias: `f${i}`,
  ...(i % 2 ? {} : { length: 40 }),
})) as Field[];
const FEATURES = Array.from({ length: 20 }, (_, r) => ({
  attributes: Object.fromEntries(FIELDS.map((f, i) => [f.name, r === 3 ? null : i % 2 ? r * 1000 + i : `${SCRIPTS[(r + i) % SCRIPTS.length]} ${r}/${i}`])),
  geometry: { x: r, y: r / 2 },
}));

describe.skipIf(skipGdal)("300 fields with non-Latin names", () => {
  const root = mkdtempSync(join(tmpdir(), "arcrest-wide-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([".geojson", ".csv", ".gpkg", ".shp"])("%s: same values, or a typed error and no file", async (ext) => {
    const dir = mkdtempSync(join(root, "t-"));
    const path = join(dir, `wide${ext}`);
    const run = exportFeatureSet({ features: FEATURES, fields: FIELDS, geometryType: "esriGeometryPoint", spatialReference: { wkid: 4326 } }, path);
    const outcome = await run.then((result) => ({ result }), (error: unknown) => ({ error }));
    if ("error" in outcome) {
      expect(outcome.error).toBeInstanceOf(ExportError);
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    expect(existsSync(path)).toBe(true);
    const dbfNames = new Map(outcome.result.shapefile?.fields.map((f) => [f.name, f.dbfName] as const));
    if (ext === ".shp") expect(new Set(dbfNames.values()).size).toBe(FIELDS.length);
    const read = ogrFeatures(path, ext === ".csv" ? { openOptions: ["AUTODETECT_TYPE=NO"] } : {});
    expect(read).toHaveLength(FEATURES.length);
    read.forEach((feature, r) => {
      for (const f of FIELDS) {
        const written = FEATURES[r].attributes[f.name];
        const name: string = dbfNames.get(f.name) ?? f.name;
        const got = feature.properties[name] === "" ? null : (feature.properties[name] ?? null);
        if (written === null) expect(got, `${ext} #${r} ${f.name}`).toBeNull();
        else expect(typeof written === "number" ? Number(got) : got, `${ext} #${r} ${f.name}`).toBe(written);
      }
    });
  }, 120_000);
});
