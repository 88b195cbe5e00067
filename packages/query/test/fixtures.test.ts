import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MapService, MapServiceLayer } from "../src/index.js";
import { createAttributeNormalizer } from "../src/normalize/attribute-normalizer.js";
import { pagingCapabilitiesOf } from "../src/paging/capabilities.js";
import { planPaging } from "../src/paging/planner.js";
import { parseCount } from "../src/parse/count.js";
import { parseFeatureResponse } from "../src/operations/get-feature.js";
import { parseFeatureSet } from "../src/parse/feature-set.js";
import { parseGeoJSONPage } from "../src/parse/geojson-page.js";
import { parseObjectIds } from "../src/parse/object-ids.js";
import { parseRelatedRecords } from "../src/parse/related-records.js";
import { parseStatistics } from "../src/parse/statistics.js";

// Real answers of ArcGIS servers (see fixtures/arcgis/SOURCES.md at the repository root).
const ROOT = new URL("../../../fixtures/arcgis/", import.meta.url).pathname;
const read = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(ROOT, dir, name), "utf8"));
const files = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".json")).sort();
const url = "https://example.com/arcgis/rest/services/X/FeatureServer/0/query";

type Kind = "count" | "ids" | "geojson" | "related" | "feature" | "statistics" | "features";

function kindOf(name: string, json: Record<string, unknown>): Kind {
  if ("count" in json) return "count";
  if ("objectIds" in json) return "ids";
  if (json.type === "FeatureCollection") return "geojson";
  if ("relatedRecordGroups" in json) return "related";
  if ("feature" in json) return "feature";
  if (/statistics/i.test(name)) return "statistics";
  return "features";
}

describe("every recorded query answer parses into typed results", () => {
  const all = files("query");
  it("covers the whole folder", () => expect(all.length).toBeGreaterThanOrEqual(50));

  for (const name of all) {
    it(name, () => {
      const json = read("query", name) as Record<string, unknown>;
      switch (kindOf(name, json)) {
        case "count": {
          const n = parseCount(json, url);
          expect(n).toBe(Number(json.count));
          expect(Number.isInteger(n)).toBe(true);
          break;
        }
        case "ids": {
          const parsed = parseObjectIds(json, url);
          expect(parsed.objectIds).toHaveLength((json.objectIds as unknown[]).length);
          expect(parsed.objectIds.every(Number.isInteger)).toBe(true);
          expect(parsed.objectIdFieldName).toBe(json.objectIdFieldName);
          break;
        }
        case "geojson": {
          const page = parseGeoJSONPage(json, url);
          expect(page.features).toHaveLength((json.features as unknown[]).length);
          expect(page.exceededTransferLimit).toBe((json.properties as { exceededTransferLimit?: boolean } | undefined)?.exceededTransferLimit === true);
          for (const f of page.features) expect(f.type).toBe("Feature");
          break;
        }
        case "related": {
          const parsed = parseRelatedRecords(json, url);
          expect(parsed.groups.length).toBe((json.relatedRecordGroups as unknown[]).length);
          expect(parsed.fields.length).toBeGreaterThan(0);
          break;
        }
        case "feature": {
          const feature = parseFeatureResponse(json, url);
          expect(Object.keys(feature.attributes).length).toBeGreaterThan(0);
          break;
        }
        case "statistics": {
          const rows = parseStatistics(json, url, ["THE_MIN", "THE_MAX"]);
          expect(rows).toHaveLength(1);
          expect(typeof rows[0].THE_MIN).toBe("number");
          expect(rows[0].THE_MAX as number).toBeGreaterThanOrEqual(rows[0].THE_MIN as number);
          break;
        }
        case "features": {
          const set = parseFeatureSet(json, url);
          expect(set.features).toHaveLength((json.features as unknown[]).length);
          expect(typeof set.exceededTransferLimit).toBe("boolean");
          const normalize = createAttributeNormalizer(set.fields);
          for (const f of set.features) {
            const attrs = normalize(f.attributes);
            for (const field of set.fields.filter((x) => x.type === "esriFieldTypeDate")) {
              const v = attrs[field.name];
              expect(v === null || v === undefined || v instanceof Date).toBe(true);
            }
          }
          if (set.fields.some((f) => f.type === "esriFieldTypeOID")) expect(set.objectIdFieldName).toBeDefined();
          break;
        }
      }
    });
  }

  it("reads real quirks: float ids, missing objectIdFieldName, expression keys in statistics, no fields", () => {
    expect(parseObjectIds(read("query", "pyesridump__us-mo-columbia-ids-only.json"), url).objectIds.slice(0, 3)).toEqual([64579816, 64579817, 64579818]);
    const noName = parseObjectIds(read("query", "pyesridump__us-esri-test-ids-only.json"), url);
    expect(noName.objectIdFieldName).toBeUndefined();
    expect(noName.objectIds).toHaveLength(1000);
    expect(parseStatistics(read("query", "pyesridump__us-ca-tuolumne-statistics.json"), url, ["THE_MIN", "THE_MAX"])).toEqual([{ THE_MIN: 1, THE_MAX: 167 }]);
    expect(parseCount(read("query", "pyesridump__us-fl-polk-count-only.json"), url)).toBe(338142);
    const partial = parseFeatureSet(read("query", "pyesridump__us-il-cook-page-partial.json"), url);
    expect(partial.fields).toEqual([]);
    expect(partial.features.length).toBeGreaterThan(0);
    const empty = parseFeatureSet(read("query", "koop-provider-agol__emptyPage.json"), url);
    expect(empty.features).toEqual([]);
    expect(empty.objectIdFieldName).toBe("OBJECTID");
    const point = parseFeatureSet(read("query", "arcgis-rest-js__arcgis-arcGISPointResponse.json"), url);
    expect(point.exceededTransferLimit).toBe(true);
  });

  it("rejects answers of the wrong shape with a typed error naming the URL", () => {
    expect(() => parseFeatureSet({ count: 3 }, url)).toThrow(/feature set/);
    expect(() => parseCount({ features: [] }, url)).toThrow(url);
    expect(() => parseObjectIds({ objectIds: ["x"] }, url)).toThrow(/numeric/);
    expect(parseObjectIds({ objectIdFieldName: "OBJECTID", objectIds: null }, url).objectIds).toEqual([]);
  });
});

describe("every recorded FeatureServer layer and service answer parses into handles", () => {
  for (const name of files("featureserver-layer")) {
    it(name, () => {
      const json = read("featureserver-layer", name) as Record<string, unknown>;
      if (Array.isArray(json.layers)) {
        const svc = MapService.fromInfo("https://example.com/arcgis/rest/services/X/FeatureServer", json);
        expect(svc.listLayers().length).toBe((json.layers as unknown[]).length);
        return;
      }
      const layer = new MapServiceLayer("https://example.com/arcgis/rest/services/X/FeatureServer/0", json as never);
      const caps = pagingCapabilitiesOf(layer);
      expect(caps.oidField).toBeDefined();
      // The declared object id field resolves to the real field's case.
      expect(layer.fields.map((f) => f.name)).toContain(caps.oidField);
      expect(caps.maxRecordCount).toBe(json.maxRecordCount);
      expect(caps.supportsPagination).toBe(true);
      const plan = planPaging(caps, { count: 5000, minOid: 1, maxOid: 5000 }, { strategy: "auto", customOrder: false, userObjectIds: false });
      expect(plan).toEqual({ kind: "range", pageSize: caps.maxRecordCount, minOid: 1, maxOid: 5000 });
    });
  }
});
