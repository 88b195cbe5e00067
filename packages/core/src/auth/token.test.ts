import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/validation-error.js";
import { Token } from "./token.js";

describe("Token", () => {
  it("reduces any URL to its server root", () => {
    const token = new Token({ value: "t", serverRoot: "https://h/arcgis/rest/services/S/MapServer", expires: 1 });
    expect(token.serverRoot).toBe("https://h/arcgis");
    expect(token.expires.getTime()).toBe(1);
  });

  it("knows when it is expired, with a skew", () => {
    const token = new Token({ value: "t", serverRoot: "https://h/arcgis", expires: Date.now() + 30_000 });
    expect(token.isExpired()).toBe(false);
    expect(token.isExpired(60_000)).toBe(true);
    expect(new Token({ value: "t", serverRoot: "https://h/arcgis", expires: Date.now() - 1 }).isExpired()).toBe(true);
  });

  it("treats an unknown expiry as never", () => {
    expect(new Token({ value: "t", serverRoot: "https://h/arcgis" }).isExpired(1e12)).toBe(false);
  });

  it("rejects empty values and invalid dates", () => {
    expect(() => new Token({ value: "", serverRoot: "https://h/arcgis" })).toThrow(ValidationError);
    expect(() => new Token({ value: "t", serverRoot: "https://h/arcgis", expires: Number.NaN })).toThrow(/token\.expires/);
    expect(() => new Token({ value: "t", serverRoot: "not a url" })).toThrow(/url/);
  });
});
