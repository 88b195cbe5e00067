/** Regressions found by test/property/response-shapes: each once ended in a TypeError instead of a typed error. */
import { ArcGISRequestError } from "@arcrest/core";
import { describe, expect, it } from "vitest";
import { parseFeatureSet } from "../../src/parse/feature-set.js";

const url = "http://127.0.0.1/arcgis/rest/services/X/MapServer/0";

describe("parseFeatureSet on answers that broke it", () => {
  it("a field without a name is an unexpected response", () => {
    expect(() => parseFeatureSet({ features: [], fields: [{}] }, url)).toThrow(ArcGISRequestError);
  });

  it("null after a good first feature is an unexpected response", () => {
    expect(() => parseFeatureSet({ features: [{ attributes: { a: 1 } }, null] }, url)).toThrow(ArcGISRequestError);
  });

  it("features without attributes still parse", () => {
    const set = parseFeatureSet({ features: [{ geometry: { x: 1, y: 2 } }], fields: [{ name: "a", type: "esriFieldTypeString" }] }, url);
    expect(set.features[0]).toEqual({ attributes: {}, geometry: { x: 1, y: 2 } });
  });
});
