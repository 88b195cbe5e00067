import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";
import { getJson } from "../helpers/http.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(() => server.close());

const countUrl = (): string => `${server.restUrl}/ahps_gauges/MapServer/0/query`;

describe("CORS", () => {
  it("answers preflight requests", async () => {
    const res = await fetch(countUrl(), {
      method: "OPTIONS",
      headers: { Origin: "http://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-esri-authorization" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://app.example");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("x-esri-authorization");
  });

  it("allows any origin on every answer, errors and faults included", async () => {
    expect((await fetch(`${server.restUrl}?f=json`)).headers.get("access-control-allow-origin")).toBe("*");
    const withOrigin = await fetch(`${server.restUrl}/nope/MapServer?f=json`, { headers: { Origin: "http://app.example" } });
    expect(withOrigin.headers.get("access-control-allow-origin")).toBe("http://app.example");
    server.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 } });
    const limited = await fetch(`${server.restUrl}?f=json`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("access-control-allow-origin")).toBe("*");
    expect(limited.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });
});

describe("parameters", () => {
  it("reads GET query strings, urlencoded and multipart bodies alike", async () => {
    server.clearRequests();
    const where = "state = 'CA'";
    const viaGet = await getJson(`${countUrl()}?${new URLSearchParams({ where, returnCountOnly: "true", f: "json" })}`);
    const viaForm = await getJson(countUrl(), { method: "POST", body: new URLSearchParams({ where, returnCountOnly: "true", f: "json" }) });
    const form = new FormData();
    form.set("where", where);
    form.set("returnCountOnly", "true");
    form.set("f", "json");
    form.set("file", new Blob([new Uint8Array([1, 2, 3])], { type: "application/octet-stream" }), "data.bin");
    const viaMultipart = await getJson(countUrl(), { method: "POST", body: form });
    expect(viaGet.body.count).toBeGreaterThan(300);
    expect(viaForm.body).toEqual(viaGet.body);
    expect(viaMultipart.body).toEqual(viaGet.body);

    expect(server.requests.map((r) => r.method)).toEqual(["GET", "POST", "POST"]);
    expect(server.requests[0]).toMatchObject({ path: "/arcgis/rest/services/ahps_gauges/MapServer/0/query", query: { where, f: "json" }, body: {} });
    expect(server.requests[1]).toMatchObject({ query: {}, body: { where, returnCountOnly: "true", f: "json" } });
    expect(server.requests[2].body).toEqual({ where, returnCountOnly: "true", f: "json", file: "data.bin" });
    expect(server.requests[2].headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(typeof server.requests[2].time).toBe("number");
    server.clearRequests();
    expect(server.requests).toEqual([]);
  });

  it("lets body fields override query string fields", async () => {
    const answer = await getJson(`${countUrl()}?where=1%3D0&returnCountOnly=true&f=json`, {
      method: "POST",
      body: new URLSearchParams({ where: "1=1" }),
    });
    expect(answer.body.count).toBe(6000);
  });

  it("refuses a broken multipart body with 400", async () => {
    const res = await fetch(countUrl(), { method: "POST", headers: { "content-type": "multipart/form-data; boundary=xyz" }, body: "garbage" });
    expect(res.status).toBe(400);
  });
});

describe("latency", () => {
  it("delays every answer by latencyMs", async () => {
    const slow = await startSampleServer({ port: 0, latencyMs: 60 });
    try {
      const start = performance.now();
      await (await fetch(`${slow.restUrl}?f=json`)).json();
      await (await fetch(`${slow.restUrl}/Odd?f=json`)).json();
      expect(performance.now() - start).toBeGreaterThanOrEqual(115);
    } finally {
      await slow.close();
    }
  });
});

describe("lifecycle", () => {
  it("exposes its URLs and closes cleanly with open connections", async () => {
    const other = await startSampleServer({ port: 0 });
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(other.restUrl).toBe(`${other.url}/arcgis/rest/services`);
    expect(other.adminUrl).toBe(`${other.url}/arcgis/admin`);
    expect(other.url.endsWith(`:${other.port}`)).toBe(true);
    await fetch(`${other.restUrl}?f=json`); // leaves a keep-alive connection open
    await other.close();
    await expect(fetch(`${other.restUrl}?f=json`)).rejects.toThrow();
  });

  it("rejects bad options with a message naming them", async () => {
    await expect(startSampleServer({ port: 0, latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startSampleServer({ port: 0, tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
  });
});
