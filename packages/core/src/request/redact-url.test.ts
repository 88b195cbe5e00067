import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.js";

describe("redactUrl", () => {
  it("removes token parameters whatever their case or position", () => {
    expect(redactUrl("https://h/arcgis/rest/services?f=json&token=abc")).toBe("https://h/arcgis/rest/services?f=json");
    expect(redactUrl("https://h/a?TOKEN=abc&f=json")).toBe("https://h/a?f=json");
    expect(redactUrl("https://h/a?token=abc")).toBe("https://h/a");
    expect(redactUrl("https://h/a?access_token=x&password=y&where=1%3D1")).toBe("https://h/a?where=1%3D1");
  });

  it("leaves URLs without secrets unchanged", () => {
    expect(redactUrl("https://h/a?f=json&tokens=1")).toBe("https://h/a?f=json&tokens=1");
    expect(redactUrl("https://h/a")).toBe("https://h/a");
  });

  it("redacts the target URL inside an Esri proxy URL", () => {
    expect(redactUrl("https://p/proxy.ashx?https://h/a?f=json&token=abc")).toBe("https://p/proxy.ashx?https://h/a?f=json");
  });
});
