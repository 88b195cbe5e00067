import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/validation-error.js";
import { serializeParam, serializeParams } from "./serialize-params.js";

describe("serializeParam", () => {
  it("keeps strings and formats numbers, booleans and bigints", () => {
    expect(serializeParam("where", "state = 'CA'")).toBe("state = 'CA'");
    expect(serializeParam("outSR", 3857)).toBe("3857");
    expect(serializeParam("returnGeometry", true)).toBe("true");
    expect(serializeParam("returnGeometry", false)).toBe("false");
    expect(serializeParam("big", 12345678901234567890n)).toBe("12345678901234567890");
  });

  it("sends dates as epoch milliseconds", () => {
    expect(serializeParam("time", new Date(Date.UTC(2020, 0, 2)))).toBe("1577923200000");
  });

  it("joins arrays of primitives with commas", () => {
    expect(serializeParam("outFields", ["gaugelid", "status"])).toBe("gaugelid,status");
    expect(serializeParam("objectIds", [1, 2, 3])).toBe("1,2,3");
    expect(serializeParam("time", [new Date(1000), new Date(2000)])).toBe("1000,2000");
  });

  it("sends objects and arrays of objects as JSON, with nested dates as epoch ms", () => {
    const geometry = { x: -121.5, y: 38.6, spatialReference: { wkid: 4326 } };
    expect(serializeParam("geometry", geometry)).toBe(JSON.stringify(geometry));
    const adds = [{ attributes: { req_date: new Date(5000), status: 1 } }];
    expect(JSON.parse(serializeParam("adds", adds) as string)).toEqual([{ attributes: { req_date: 5000, status: 1 } }]);
  });

  it("uses toJSON of objects that define it", () => {
    const geometryLike = { toJSON: () => ({ x: 1, y: 2 }) };
    expect(serializeParam("geometry", geometryLike)).toBe('{"x":1,"y":2}');
  });

  it("drops null and undefined", () => {
    expect(serializeParam("a", null)).toBeUndefined();
    expect(serializeParam("a", undefined)).toBeUndefined();
  });

  it("turns binary values into Blobs", async () => {
    const blob = serializeParam("attachment", new Uint8Array([1, 2, 3]));
    expect(blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("rejects values the server cannot read, naming the parameter", () => {
    expect(() => serializeParam("resultOffset", Number.NaN)).toThrow(ValidationError);
    expect(() => serializeParam("resultOffset", Number.POSITIVE_INFINITY)).toThrow(/params\.resultOffset/);
    expect(() => serializeParam("time", new Date("nope"))).toThrow(/params\.time: is an invalid Date/);
    expect(() => serializeParam("ids", [1, Number.NaN])).toThrow(/params\.ids\[1\]/);
    expect(() => serializeParam("cb", () => 1)).toThrow(/params\.cb/);
  });
});

describe("serializeParams", () => {
  it("adds f=json unless f is given, and leaves f out for f: null", () => {
    expect(serializeParams({ where: "1=1" }).entries).toEqual([
      ["f", "json"],
      ["where", "1=1"],
    ]);
    expect(serializeParams({ f: "geojson" }).entries).toEqual([["f", "geojson"]]);
    expect(serializeParams({ f: null, a: 1 }).entries).toEqual([["a", "1"]]);
  });

  it("reports binary parameters", () => {
    expect(serializeParams({ a: "x" }).hasBinary).toBe(false);
    expect(serializeParams({ file: new Blob(["x"]) }).hasBinary).toBe(true);
  });
});
