import { describe, expect, it } from "vitest";
import { filterParams, timeParam } from "./build-query-params.js";
import { featureQueryParams } from "./feature-query-params.js";
import { resolveOutFields } from "./out-fields.js";
import { andWhere, isTrivialWhere } from "./where.js";

describe("where clauses", () => {
  it("ANDs clauses in parentheses and drops trivial ones", () => {
    expect(andWhere("a = 1 OR b = 2", "OBJECTID >= 1 AND OBJECTID <= 9")).toBe("(a = 1 OR b = 2) AND (OBJECTID >= 1 AND OBJECTID <= 9)");
    expect(andWhere("1=1", "x > 1")).toBe("x > 1");
    expect(andWhere(undefined, " 1 = 1 ")).toBe("1=1");
    expect(isTrivialWhere("")).toBe(true);
  });
});

describe("outFields", () => {
  it("adds the object id for paging and marks it to be stripped", () => {
    expect(resolveOutFields(["name"], "OBJECTID", true)).toEqual({ param: "name,OBJECTID", strip: "OBJECTID" });
    expect(resolveOutFields("name, objectid", "OBJECTID", true)).toEqual({ param: "name,objectid" });
    expect(resolveOutFields(undefined, "OBJECTID", true)).toEqual({ param: "*" });
    expect(resolveOutFields(["a", "*"], "OBJECTID", true)).toEqual({ param: "*" });
  });
});

describe("filter and query parameters", () => {
  it("builds spatial filters from any geometry input", async () => {
    expect(await filterParams({ geometry: [1, 2, 3, 4], inSR: 4326 })).toMatchObject({
      geometry: "1,2,3,4",
      geometryType: "esriGeometryEnvelope",
      inSR: 4326,
      spatialRel: "esriSpatialRelIntersects",
    });
    const p = await filterParams({ geometry: { type: "Point", coordinates: [5, 6] }, distance: 10, units: "feet", spatialRel: "within" });
    expect(p).toMatchObject({ geometry: "5,6", geometryType: "esriGeometryPoint", inSR: 4326, distance: 10, units: "esriSRUnit_Foot", spatialRel: "esriSpatialRelWithin" });
  });

  it("writes time as epoch ms with open ends", () => {
    expect(timeParam(new Date(1000))).toBe("1000");
    expect(timeParam([null, 5])).toBe("null,5");
    expect(() => timeParam([null, null])).toThrow(/time/);
  });

  it("serialises query options and rejects bad ones", async () => {
    expect(await featureQueryParams({ outFields: ["a", "b"], outSR: { wkid: 3857 }, orderByFields: ["a DESC", "b"], f: "geojson" })).toMatchObject({
      where: "1=1",
      outFields: "a,b",
      outSR: 3857,
      orderByFields: "a DESC,b",
      f: "geojson",
      returnGeometry: true,
    });
    await expect(featureQueryParams({ resultRecordCount: -1 })).rejects.toThrow(/resultRecordCount/);
    await expect(featureQueryParams({ objectIds: [1.5] })).rejects.toThrow(/objectIds/);
    await expect(featureQueryParams({ f: "pbf" as "json" })).rejects.toThrow(/"f"|f:/);
  });
});
