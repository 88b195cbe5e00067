import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/validation-error.js";
import { MAX_GET_URL_LENGTH, prepareRequest } from "./prepare-request.js";

const base = { target: "https://h/arcgis/rest/services/S/MapServer/0/query", tokenPlacement: "body" as const, multipart: false };

describe("prepareRequest", () => {
  it("uses GET with the query in the URL while it is short", () => {
    const p = prepareRequest({ ...base, entries: [["f", "json"], ["where", "1=1"]] });
    expect(p.method).toBe("GET");
    expect(p.fetchUrl).toBe(`${base.target}?f=json&where=1%3D1`);
    expect(p.body).toBeUndefined();
  });

  it("switches to POST at 2,000 characters", () => {
    const pad = (n: number): string => "x".repeat(n - `${base.target}?f=json&where=`.length);
    const under = prepareRequest({ ...base, entries: [["f", "json"], ["where", pad(MAX_GET_URL_LENGTH - 1)]] });
    expect(under.method).toBe("GET");
    expect(under.fetchUrl.length).toBe(MAX_GET_URL_LENGTH - 1);
    const at = prepareRequest({ ...base, entries: [["f", "json"], ["where", pad(MAX_GET_URL_LENGTH)]] });
    expect(at.method).toBe("POST");
    expect(at.fetchUrl).toBe(base.target);
    expect((at.body as URLSearchParams).get("where")).toHaveLength(MAX_GET_URL_LENGTH - `${base.target}?f=json&where=`.length);
  });

  it("always POSTs with a token, which goes in the body and never in the URL", () => {
    const p = prepareRequest({ ...base, entries: [["f", "json"]], token: "secret", referer: "https://app" });
    expect(p.method).toBe("POST");
    expect(p.fetchUrl).not.toContain("secret");
    expect(p.displayUrl).not.toContain("secret");
    expect((p.body as URLSearchParams).get("token")).toBe("secret");
    expect(p.headers.get("Referer")).toBe("https://app");
  });

  it("puts the token in the X-Esri-Authorization header when asked, or when GET is forced", () => {
    const header = prepareRequest({ ...base, entries: [["f", "json"]], token: "secret", tokenPlacement: "header" });
    expect(header.method).toBe("POST");
    expect(header.headers.get("X-Esri-Authorization")).toBe("Bearer secret");
    expect((header.body as URLSearchParams).has("token")).toBe(false);
    const get = prepareRequest({ ...base, entries: [["f", "json"]], token: "secret", httpMethod: "GET" });
    expect(get.method).toBe("GET");
    expect(get.fetchUrl).not.toContain("secret");
    expect(get.headers.get("X-Esri-Authorization")).toBe("Bearer secret");
  });

  it("sends multipart for binary parameters or when asked", () => {
    const file = prepareRequest({ ...base, entries: [["f", "json"], ["attachment", new Blob(["x"])]] });
    expect(file.method).toBe("POST");
    expect(file.body).toBeInstanceOf(FormData);
    const asked = prepareRequest({ ...base, entries: [["f", "json"]], multipart: true, token: "t" });
    expect((asked.body as FormData).get("token")).toBe("t");
    expect(() => prepareRequest({ ...base, entries: [["a", new Blob([])]], httpMethod: "GET" })).toThrow(ValidationError);
  });

  it("goes through a proxy as proxy?target, measuring the proxied URL", () => {
    const p = prepareRequest({ ...base, entries: [["f", "json"]], proxy: "https://p/proxy.ashx" });
    expect(p.fetchUrl).toBe(`https://p/proxy.ashx?${base.target}?f=json`);
    expect(p.displayUrl).toBe(`${base.target}?f=json`);
    const post = prepareRequest({ ...base, entries: [["f", "json"]], proxy: "https://p/proxy.ashx", token: "t" });
    expect(post.fetchUrl).toBe(`https://p/proxy.ashx?${base.target}`);
  });

  it("keeps secret parameters out of the URL shown in errors, whatever their case", () => {
    const entries: Array<[string, string]> = [["f", "json"], ["TOKEN", "abc"], ["password", "p"], ["access_token", "x"], ["tokens", "1"]];
    const p = prepareRequest({ ...base, entries, httpMethod: "GET" });
    expect(p.displayUrl).toBe(`${base.target}?f=json&tokens=1`);
    expect(prepareRequest({ ...base, entries: [["token", "abc"]], httpMethod: "GET" }).displayUrl).toBe(base.target);
  });
});
