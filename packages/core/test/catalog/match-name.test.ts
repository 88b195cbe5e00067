import { describe, expect, it } from "vitest";
import { matchName, matchNames } from "../../src/catalog/match-name.js";
import { parseServiceUrl, servicesDirectoryUrl } from "../../src/catalog/service-url.js";

describe("matchName", () => {
  const names = ["observed_river_stages", "forecast_river_stages", "Roads", "roads_old"];

  it("is case-insensitive", () => {
    expect(matchName(names, "OBSERVED_RIVER_STAGES")).toBe("observed_river_stages");
  });

  it("supports * wildcards", () => {
    expect(matchName(names, "observed*")).toBe("observed_river_stages");
    expect(matchNames(names, "*river*")).toEqual(["observed_river_stages", "forecast_river_stages"]);
  });

  it("prefers an exact name over wildcard matches", () => {
    expect(matchNames(names, "roads*")).toEqual(["Roads", "roads_old"]);
    expect(matchName(names, "roads")).toBe("Roads");
  });

  it("treats regex characters literally", () => {
    expect(matchName(["a.b", "axb"], "a.b")).toBe("a.b");
    expect(matchName(["a.b", "axb"], "a.*")).toBe("a.b");
  });

  it("returns undefined when nothing matches", () => {
    expect(matchName(names, "lakes")).toBeUndefined();
  });
});

describe("service URLs", () => {
  it("finds the services directory from a root, /rest or /rest/services URL", () => {
    expect(servicesDirectoryUrl("https://h/arcgis")).toBe("https://h/arcgis/rest/services");
    expect(servicesDirectoryUrl("https://h/arcgis/rest/")).toBe("https://h/arcgis/rest/services");
    expect(servicesDirectoryUrl("https://h/arcgis/rest/services?f=pjson")).toBe("https://h/arcgis/rest/services");
  });

  it("rejects what is not an http URL", () => {
    expect(() => servicesDirectoryUrl("ftp://h/arcgis")).toThrow(/url/i);
  });

  it("splits service and layer URLs", () => {
    expect(parseServiceUrl("https://h/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer/0/query?f=json")).toEqual({
      servicesRoot: "https://h/arcgis/rest/services",
      name: "SanFrancisco/311Incidents",
      type: "FeatureServer",
      serviceUrl: "https://h/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer",
      layerId: 0,
    });
    expect(parseServiceUrl("https://h/arcgis/rest/services")).toBeUndefined();
  });
});
