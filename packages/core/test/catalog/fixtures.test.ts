import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LayerMetadata, type LayerInfo } from "@arcrest/core";
import { parseServerInfo } from "../../src/catalog/server-info.js";

const FIXTURES = join(__dirname, "../../../../fixtures/arcgis");

function load(folder: string): [string, unknown][] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(FIXTURES, folder, f), "utf8"))]);
}

const isLayerJson = (json: unknown): json is LayerInfo =>
  typeof json === "object" && json !== null && "fields" in json && "name" in json && "id" in json;

describe("layer metadata parses every recorded layer definition", () => {
  const layers = [...load("mapserver"), ...load("featureserver-layer")].filter(([, json]) => isLayerJson(json));

  it("found the layer fixtures", () => {
    expect(layers.length).toBeGreaterThanOrEqual(10);
  });

  it.each(layers)("%s", (_name, json) => {
    const info = json as LayerInfo;
    const meta = new LayerMetadata("https://example.com/arcgis/rest/services/X/MapServer/0/", info);
    expect(meta.url).toBe("https://example.com/arcgis/rest/services/X/MapServer/0");
    expect(meta.listFields()).toEqual((info.fields ?? []).map((f) => f.name));
    const oidField = (info.fields ?? []).find((f) => f.type === "esriFieldTypeOID");
    // Old servers leave out objectIdField: it must still be found from the field types.
    // Declared names are reported in the case of the actual field (a koop layer declares "objectId" for "OBJECTID").
    const declared = info.objectIdField && info.fields?.find((f) => f.name.toLowerCase() === info.objectIdField?.toLowerCase());
    expect(meta.objectIdField).toBe(declared ? declared.name : (info.objectIdField ?? oidField?.name));
    if (oidField) {
      expect(meta.field(oidField.name.toUpperCase())?.name).toBe(oidField.name);
      expect(meta.field(oidField.name.toLowerCase())?.name).toBe(oidField.name);
    }
    expect(meta.maxRecordCount).toBe(info.maxRecordCount ?? info.standardMaxRecordCount ?? 1000);
    expect(meta.supportsPagination).toBe(info.advancedQueryCapabilities?.supportsPagination === true);
    expect(meta.isTable).toBe(info.type === "Table" || !info.geometryType);
  });
});

describe("service definitions", () => {
  it("reads the FeatureServer service root's layers and tables", () => {
    const [, json] = load("featureserver-layer").find(([n]) => n.includes("serviceInfo")) ?? [];
    const info = json as { layers: { id: number; name: string }[]; tables: unknown[] };
    expect(Array.isArray(info.layers)).toBe(true);
    expect(typeof info.layers[0].id).toBe("number");
    expect(typeof info.layers[0].name).toBe("string");
  });
});

describe("rest/info", () => {
  it.each(load("catalog"))("%s parses, with string booleans normalised", (_name, json) => {
    const info = parseServerInfo(json);
    const raw = json as { currentVersion: number; authInfo: { isTokenBasedSecurity: unknown } };
    expect(info.currentVersion).toBe(raw.currentVersion);
    expect(typeof info.authInfo.isTokenBasedSecurity).toBe("boolean");
    expect(info.authInfo.isTokenBasedSecurity).toBe(String(raw.authInfo.isTokenBasedSecurity) === "true");
  });
});
