/**
 * Golden fixtures: every file in test/fixtures/geometry/in is converted and
 * compared with the file of the same name in out/. Esri JSON (a geometry or a
 * feature set) goes to GeoJSON; GeoJSON (a geometry, Feature or
 * FeatureCollection) goes to Esri JSON. `UPDATE_GOLDEN=1` rewrites the outs;
 * review every change by hand.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  esriToGeoJSON,
  featureSetToGeoJSON,
  geoJSONFeatureToEsri,
  geoJSONToEsri,
  geoJSONToFeatureSet,
  type GeoJSONFeature,
  type GeoJSONFeatureCollection,
  type GeoJSONGeometry,
} from "../../src/geometry/index.js";
import type { EsriGeometry, FeatureSet } from "../../src/types/esri-json.js";
import { checkGeoJSONPolygonRings } from "./polygon-checks.js";

const root = join(import.meta.dirname, "..", "fixtures", "geometry");
const update = process.env.UPDATE_GOLDEN === "1";

function convert(input: Record<string, unknown>): unknown {
  switch (input.type) {
    case "FeatureCollection":
      return geoJSONToFeatureSet(input as unknown as GeoJSONFeatureCollection);
    case "Feature":
      return geoJSONFeatureToEsri(input as unknown as GeoJSONFeature);
    case undefined:
      return Array.isArray(input.features)
        ? featureSetToGeoJSON(input as unknown as FeatureSet<Record<string, unknown>>)
        : esriToGeoJSON(input as unknown as EsriGeometry);
    default:
      return geoJSONToEsri(input as unknown as GeoJSONGeometry);
  }
}

/** JSON as it would be written (NaN becomes null), for comparison with the parsed golden file. */
function asJSON(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function geoJSONGeometries(value: unknown): GeoJSONGeometry[] {
  const v = value as { type?: string; features?: { geometry: GeoJSONGeometry | null }[] } | null;
  if (!v) return [];
  if (v.type === "FeatureCollection") return (v.features ?? []).flatMap((f) => (f.geometry ? [f.geometry] : []));
  return v.type ? [v as GeoJSONGeometry] : [];
}

const names = readdirSync(join(root, "in")).filter((f) => f.endsWith(".json"));

describe("golden geometry fixtures", () => {
  it("has fixtures", () => {
    expect(names.length).toBeGreaterThan(40);
  });

  for (const name of names) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(root, "in", name), "utf8")) as Record<string, unknown>;
      const actual = asJSON(convert(input));
      const outPath = join(root, "out", name);
      if (update) writeFileSync(outPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(outPath, "utf8")) as unknown;
      expect(actual).toEqual(expected);

      const toGeoJSON = input.type === undefined;
      if (toGeoJSON) {
        // Independent of the golden file: RFC 7946 orientation and every hole inside its exterior.
        for (const g of geoJSONGeometries(actual)) checkGeoJSONPolygonRings(g);
        // Converting back and forth again changes nothing.
        for (const g of geoJSONGeometries(actual)) expect(esriToGeoJSON(geoJSONToEsri(g))).toEqual(g);
      }
    });
  }
});
