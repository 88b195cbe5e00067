/**
 * The engine's answers have the structure of real recorded ArcGIS responses: every key a
 * fixture has, ours has too, holding the same JSON type (recursively; arrays by their first item).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SampleLayer, SampleService } from "../../src/data/types.js";
import { executeQuery, executeRelatedQuery } from "../../src/query/index.js";
import { bodyOf, field, pointLayer, polygonLayer } from "./layers.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/arcgis/query");

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as unknown;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Paths where `ours` lacks a key of `theirs` or holds another JSON type. Values under `opaque` keys are compared by type only. */
function structuralDifferences(theirs: unknown, ours: unknown, path = "$", opaque = new Set(["attributes", "properties", "fieldAliases", "domain"])): string[] {
  const key = path.split(".").pop() ?? "";
  // Attribute values differ per layer, and a null in a fixture says nothing about the type.
  if (jsonType(theirs) === "null") return [];
  if (jsonType(theirs) !== jsonType(ours)) return [`${path}: fixture ${jsonType(theirs)}, ours ${jsonType(ours)}`];
  if (opaque.has(key)) return [];
  if (Array.isArray(theirs)) {
    const ourArray = ours as unknown[];
    if (theirs.length === 0 || ourArray.length === 0) return [];
    // Field lists: compare a field with one of ours of the same esriFieldType when there is one.
    const typeOf = (v: unknown) => (v && typeof v === "object" ? (v as { type?: unknown }).type : undefined);
    const counterpart = ourArray.find((v) => typeOf(theirs[0]) !== undefined && typeOf(v) === typeOf(theirs[0])) ?? ourArray[0];
    return structuralDifferences(theirs[0], counterpart, `${path}[0]`, opaque);
  }
  if (typeof theirs === "object") {
    const out: string[] = [];
    const ourObject = ours as Record<string, unknown>;
    for (const [k, v] of Object.entries(theirs as Record<string, unknown>)) {
      if (!(k in ourObject)) out.push(`${path}.${k}: missing`);
      else out.push(...structuralDifferences(v, ourObject[k], `${path}.${k}`, opaque));
    }
    return out;
  }
  return [];
}

const points = pointLayer({ count: 30, maxRecordCount: 10 });
const withGlobalIds: SampleLayer = {
  ...polygonLayer(),
  fields: [...polygonLayer().fields],
};

describe("structure matches the recorded query fixtures", () => {
  it.each([
    ["pyesridump__us-ca-carson-0.json", points, { where: "1=1", outFields: "*" }],
    ["pyesridump__us-fl-polk-0.json", points, { where: "1=1", outFields: "*" }],
    ["oa-machine__ua-kharkiv-0.json", points, { where: "1=1", outFields: "*" }],
    ["pyesridump__us-esri-test-0.json", withGlobalIds, { where: "1=1", outFields: "*", returnGeometry: "false" }],
    ["pyesridump__us-ms-madison-0.json", withGlobalIds, { where: "1=1", outFields: "*" }],
    ["koop-provider-agol__page.json", withGlobalIds, { where: "1=1", outFields: "*" }],
    ["oa-machine__us-tx-waco-0.json", withGlobalIds, { where: "1=1", outFields: "*", resultRecordCount: "1" }],
    ["koop-provider-agol__emptyPage.json", points, { where: "1=0", outFields: "*" }],
    ["pyesridump__us-fl-polk-count-only.json", points, { where: "1=1", returnCountOnly: "true" }],
    ["oa-machine__us-ks-brown-ids-only.json", points, { where: "1=1", returnIdsOnly: "true" }],
    ["pyesridump__us-ca-carson-ids-only.json", points, { where: "1=1", returnIdsOnly: "true" }],
    [
      "pyesridump__us-fl-polk-statistics.json",
      points,
      { outStatistics: JSON.stringify([{ statisticType: "min", onStatisticField: "objectid", outStatisticFieldName: "THE_MIN" }, { statisticType: "max", onStatisticField: "objectid", outStatisticFieldName: "THE_MAX" }]) },
    ],
    [
      "pyesridump__us-ms-madison-outStatistics.json",
      points,
      { outStatistics: JSON.stringify([{ statisticType: "min", onStatisticField: "stage", outStatisticFieldName: "THE_MIN" }, { statisticType: "max", onStatisticField: "stage", outStatisticFieldName: "THE_MAX" }]) },
    ],
    ["arcgis-rest-js__geojson-geoJSONPointResponse.json", points, { where: "1=1", outFields: "*", f: "geojson" }],
    ["arcgis-rest-js__arcgis-PointHasZ.json", { ...points, hasZ: true }, { outFields: "*", returnZ: "true", outSR: "102100" }],
  ] as [string, SampleLayer, Record<string, string>][])("%s", (name, layer, params) => {
    const ours = bodyOf(executeQuery(layer, { f: "json", ...params }));
    expect(ours.error).toBeUndefined();
    expect(structuralDifferences(fixture(name), ours)).toEqual([]);
    // Sanity: the comparison can fail.
    expect(structuralDifferences(fixture(name), { unrelated: true }).length).toBeGreaterThan(0);
  });

  it("queryRelatedRecords matches arcgis-rest-js__feature-queryRelatedResponse.json", () => {
    const parcels: SampleLayer = { ...polygonLayer(), id: 1, fields: [field("objectid", "OID"), field("name", "String"), field("owner", "Integer")] };
    parcels.features.forEach((f) => (f.attributes.owner = 7));
    const owners: SampleLayer = {
      ...pointLayer({ count: 1 }),
      id: 0,
      type: "Table",
      geometryType: undefined,
      relationships: [{ id: 3, name: "parcels", relatedTableId: 1, cardinality: "esriRelCardinalityOneToMany", role: "esriRelRoleOrigin", keyField: "status", relatedKeyField: "owner", composite: false }],
    };
    owners.features[0].attributes.status = 7;
    const service: SampleService = { name: "P", type: "FeatureServer", currentVersion: 11, layers: [owners, parcels] };
    const ours = bodyOf(executeRelatedQuery(service, owners, { relationshipId: "3", objectIds: "1", outFields: "*", f: "json" }));
    expect(structuralDifferences(fixture("arcgis-rest-js__feature-queryRelatedResponse.json"), ours)).toEqual([]);
  });
});
