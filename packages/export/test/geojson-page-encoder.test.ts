import { describe, expect, it } from "vitest";
import type { Field } from "@arcrest/core";
import { collectBytes } from "../src/bytes/streams.js";
import { featureJsonEncoder } from "../src/geojson/feature-json.js";
import { writeGeoJSON, writeGeoJSONLines } from "../src/geojson/geojson-writer.js";
import { geoJSONConverter } from "../src/geometry/to-geojson.js";
import type { ExportFeature } from "../src/types.js";
import { columnsForFields } from "../src/values/columns.js";

const fields: Field[] = [
  { name: "id", type: "esriFieldTypeOID" },
  { name: "name", type: "esriFieldTypeString" },
  { name: "d", type: "esriFieldTypeDate" },
];

const point = (i: number, attributes: Record<string, unknown>): ExportFeature => ({ attributes, geometry: { x: i / 3, y: -i } });
const features = (length = 40): ExportFeature[] =>
  Array.from({ length }, (_, i) => {
    if (i === 5) return point(i, { id: i, name: "extra key", d: 0, other: 1 }); // not exactly the columns
    if (i === 6) return point(i, { name: "out of order", id: i, d: null });
    if (i === 7) return point(i, { id: i, name: 'quote " and \u2028', d: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) });
    if (i === 8) return point(i, { id: i, name: 12, d: "2024-01-01" }); // values of other kinds
    if (i === 9) return { attributes: { id: i, name: "no geometry", d: -1 }, geometry: null };
    return point(i, { id: i, name: `n${i}`, d: 1_700_000_000_000 + i * 86_400_001 });
  });

/** The text the per-feature encoder gives, feature by feature. */
function reference(list: ExportFeature[], separator: string): string {
  const columns = columnsForFields(fields, list);
  const encode = featureJsonEncoder(columns, "id", geoJSONConverter({ hasZ: false, hasM: false }, undefined, undefined), true);
  return list.map((f, i) => encode(f, i)).join(separator);
}

const text = async (chunks: AsyncGenerator<Uint8Array>): Promise<string> => new TextDecoder().decode(await collectBytes(chunks));

describe("GeoJSON written a page at a time", () => {
  it("gives the per-feature encoder's bytes, for features that fit a run and features that do not", async () => {
    const geojson = await text(writeGeoJSON({ features: features(), fields, geometryType: "esriGeometryPoint" }));
    expect(geojson).toBe(`{"type":"FeatureCollection","features":[\n${reference(features(), ",\n")}\n]}\n`);
    const lines = await text(writeGeoJSONLines({ features: features(), fields, geometryType: "esriGeometryPoint" }));
    expect(lines).toBe(`${reference(features(), "\n")}\n`);
    expect(lines.split("\n")).toHaveLength(41);
  });

  it("gives the same bytes for pages large enough to be separated as bytes", async () => {
    // 400 features make a page text of some 50,000 characters, over the size from which it is encoded alone.
    const list = features(400);
    list[200] = point(200, { id: 200, name: '},{"type":"Feature", in a value', d: null });
    const geojson = await text(writeGeoJSON({ features: list, fields, geometryType: "esriGeometryPoint" }));
    expect(geojson).toBe(`{"type":"FeatureCollection","features":[\n${reference(list, ",\n")}\n]}\n`);
    const lines = await text(writeGeoJSONLines({ features: list, fields, geometryType: "esriGeometryPoint" }));
    expect(lines).toBe(`${reference(list, "\n")}\n`);
    expect(JSON.parse(geojson).features).toHaveLength(400);
  });

  it("leaves the source's attributes as they were, and reads frozen ones", async () => {
    const list = features();
    const before = JSON.stringify(list);
    const written = await text(writeGeoJSON({ features: list, fields, geometryType: "esriGeometryPoint" }));
    expect(JSON.stringify(list)).toBe(before);
    const frozen = features().map((f) => ({ ...f, attributes: Object.freeze({ ...f.attributes }) }));
    expect(await text(writeGeoJSON({ features: frozen, fields, geometryType: "esriGeometryPoint" }))).toBe(written);
    expect(written).toContain('"d":"2023-11-14T22:13:20Z"');
  });
});
