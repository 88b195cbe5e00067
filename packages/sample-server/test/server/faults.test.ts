import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type FaultKind, type SampleServer } from "../../src/index.js";
import { getJson, postForm } from "../helpers/http.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0, seed: 7 });
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

const info = (): string => `${server.restUrl}/ahps_gauges/MapServer?f=json`;

describe("fault rules", () => {
  it("status: an HTML error page with that status, once by default", async () => {
    server.faults.add({ fault: { kind: "status", status: 503 } });
    const res = await fetch(info());
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain("503");
    expect((await fetch(info())).status).toBe(200);
  });

  it("rate-limit: 429 with Retry-After", async () => {
    server.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 3 } });
    const res = await fetch(info());
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
  });

  it("error-in-200: an ArcGIS error body with HTTP 200", async () => {
    server.faults.add({ fault: { kind: "error-in-200", code: 500, message: "Error performing query operation" } });
    const answer = await getJson(info());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ error: { code: 500, message: "Error performing query operation", details: [] } });
  });

  it("delay: answers normally, later", async () => {
    server.faults.add({ fault: { kind: "delay", ms: 150 } });
    const start = performance.now();
    const answer = await getJson(info());
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    expect(answer.body).toHaveProperty("layers");
  });

  it("cut: the connection closes without an answer", async () => {
    server.faults.add({ fault: { kind: "cut" } });
    await expect(fetch(info())).rejects.toThrow();
    expect((await fetch(info())).status).toBe(200);
  });

  it("redirect: sends the client elsewhere with the given status", async () => {
    server.faults.add({ fault: { kind: "redirect", location: "/arcgis/rest/services/Odd?f=json", status: 307 } });
    const manual = await fetch(info(), { redirect: "manual" });
    expect(manual.status).toBe(307);
    expect(manual.headers.get("location")).toBe("/arcgis/rest/services/Odd?f=json");
    server.faults.add({ fault: { kind: "redirect", location: `${server.restUrl}/Odd?f=json` } });
    const followed = await getJson(info());
    expect(followed.body.services).toHaveLength(3);
  });

  it("drop-after-apply: the handler runs, then the connection is cut", async () => {
    const exportUrl = `${server.restUrl}/ahps_gauges/MapServer/export?bbox=-125,24,-66,50&size=20,20&f=json`;
    const first = (await getJson<{ href: string }>(exportUrl)).body.href;
    server.faults.add({ fault: { kind: "drop-after-apply" } });
    await expect(fetch(exportUrl)).rejects.toThrow();
    const third = (await getJson<{ href: string }>(exportUrl)).body.href;
    // Output names count up: the dropped request produced the second one.
    const counter = (href: string): number => parseInt(/_ags_map_([0-9a-z]+?)[0-9a-z]{8}\.png$/.exec(href)![1], 36);
    expect(counter(third) - counter(first)).toBe(2);
  });

  it("expire-token: the token is treated as expired from then on; requests without a token are untouched", async () => {
    const { token } = server.tokens.issue("arcrest");
    const secure = `${server.restUrl}/Secure/Parcels/MapServer`;
    server.faults.add({ fault: { kind: "expire-token" } });
    expect((await getJson(info())).body).toHaveProperty("layers"); // no token: rule not consumed
    expect((await postForm(secure, { f: "json", token })).body).toEqual({ error: { code: 498, message: "Invalid Token", details: [] } });
    expect((await postForm(secure, { f: "json", token })).body).toMatchObject({ error: { code: 498 } });
    const fresh = server.tokens.issue("arcrest");
    expect((await postForm(secure, { f: "json", token: fresh.token })).body).toHaveProperty("layers");
  });

  it("honours match, method and times", async () => {
    server.faults.add({ match: /\/Odd\b/, method: "POST", times: 2, fault: { kind: "status", status: 500 } });
    expect((await fetch(info())).status).toBe(200);
    expect((await fetch(`${server.restUrl}/Odd?f=json`)).status).toBe(200); // GET
    const post = (): Promise<Response> => fetch(`${server.restUrl}/Odd`, { method: "POST", body: new URLSearchParams({ f: "json" }) });
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200);
  });

  it("matches against the query string too", async () => {
    server.faults.add({ match: /returnCountOnly=true/, times: Infinity, fault: { kind: "error-in-200", code: 400, message: "Failed to execute query." } });
    const count = `${server.restUrl}/ahps_gauges/MapServer/0/query?where=1%3D1&returnCountOnly=true&f=json`;
    expect((await getJson(count)).body).toMatchObject({ error: { code: 400 } });
    expect((await getJson(count)).body).toMatchObject({ error: { code: 400 } });
    expect((await getJson(count.replace("true", "false"))).body).not.toHaveProperty("error");
  });

  it("rejects malformed rules", () => {
    expect(() => server.faults.add({ times: 0, fault: { kind: "cut" } })).toThrow(/times/);
    expect(() => server.faults.random({ rate: 2, kinds: ["cut"] })).toThrow(/rate/);
    expect(() => server.faults.random({ rate: 0.5, kinds: [] })).toThrow(/kinds/);
  });
});

describe("random faults", () => {
  const urls = Array.from({ length: 40 }, (_, i) => `/arcgis/rest/services/ahps_gauges/MapServer/0/query?where=objectid%3D${i + 1}&returnCountOnly=true&f=json`);

  async function outcomes(target: SampleServer): Promise<string[]> {
    const seen: string[] = [];
    for (const url of urls) {
      try {
        const res = await fetch(`${target.url}${url}`, { redirect: "manual" });
        const text = await res.text();
        seen.push(`${res.status}:${text.includes('"error"') ? "error" : "ok"}`);
      } catch {
        seen.push("cut");
      }
    }
    return seen;
  }

  it("are deterministic for a seed and vary with it", async () => {
    const kinds: FaultKind[] = ["status", "rate-limit", "error-in-200", "cut"];
    const other = await startSampleServer({ port: 0, seed: 7 });
    try {
      server.faults.random({ rate: 0.4, kinds, seed: 42, retryAfterSeconds: 0 });
      other.faults.random({ rate: 0.4, kinds, seed: 42, retryAfterSeconds: 0 });
      const a = await outcomes(server);
      const b = await outcomes(other);
      expect(a).toEqual(b);
      const faulted = a.filter((o) => o !== "200:ok").length;
      expect(faulted).toBeGreaterThan(5);
      expect(faulted).toBeLessThan(30);
      other.faults.random({ rate: 0.4, kinds, seed: 43 });
      expect(await outcomes(other)).not.toEqual(a);
    } finally {
      await other.close();
    }
  });

  it("rate 0 never and rate 1 always fault; a retried request can succeed", async () => {
    server.faults.random({ rate: 0, kinds: ["status"] });
    expect((await outcomes(server)).every((o) => o === "200:ok")).toBe(true);
    server.faults.random({ rate: 1, kinds: ["status"] });
    expect((await outcomes(server)).every((o) => /^50[023]:/.test(o))).toBe(true);
    server.faults.random({ rate: 0.5, kinds: ["status"], seed: 3 });
    const url = `${server.url}${urls[0]}`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await fetch(url)).status);
    expect(statuses).toContain(200);
    expect(statuses.some((s) => s >= 500)).toBe(true);
  });

  it("only hit matching requests (by default the services tree)", async () => {
    server.faults.random({ rate: 1, kinds: ["status"] });
    expect((await fetch(`${server.url}/arcgis/rest/info?f=json`)).status).toBe(200);
    server.faults.random({ rate: 1, kinds: ["status"], match: /\/Odd\// });
    expect((await fetch(info())).status).toBe(200);
    expect((await fetch(`${server.restUrl}/Odd/Empty/MapServer?f=json`)).status).toBeGreaterThanOrEqual(500);
  });
});
