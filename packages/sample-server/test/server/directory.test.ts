import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";
import { getJson } from "../helpers/http.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(() => server.close());

describe("services directory", () => {
  it("lists the root folders and services", async () => {
    const { status, body } = await getJson(`${server.restUrl}?f=json`);
    expect(status).toBe(200);
    expect(body).toEqual({
      currentVersion: 10.81,
      folders: ["Boundaries", "Elevation", "Imagery", "Locators", "Odd", "SanFrancisco", "Secure"],
      services: [
        { name: "ahps_gauges", type: "MapServer" },
        { name: "Tools", type: "GPServer" },
      ],
    });
  });

  it("lists a folder's services with full names, a MapServer with feature access under both types", async () => {
    expect((await getJson(`${server.restUrl}/SanFrancisco?f=json`)).body).toEqual({
      currentVersion: 10.81,
      folders: [],
      services: [
        { name: "SanFrancisco/311Incidents", type: "MapServer" },
        { name: "SanFrancisco/311Incidents", type: "FeatureServer" },
      ],
    });
    expect((await getJson(`${server.restUrl}/Odd?f=json`)).body.services).toEqual([
      { name: "Odd/NoPagination", type: "MapServer" },
      { name: "Odd/ShortPages", type: "MapServer" },
      { name: "Odd/Empty", type: "MapServer" },
    ]);
  });

  it("hides stopped services", async () => {
    const service = server.dataset.services.find((s) => s.name === "Odd/Empty")!;
    service.started = false;
    try {
      expect((await getJson(`${server.restUrl}/Odd?f=json`)).body.services).not.toContainEqual({ name: "Odd/Empty", type: "MapServer" });
      expect((await getJson(`${server.restUrl}/Odd/Empty/MapServer?f=json`)).body).toEqual({
        // What ArcGIS Server answers for a stopped service (trailing space included).
        error: { code: 500, message: "Service Odd/Empty/MapServer not started ", details: [] },
      });
    } finally {
      service.started = true;
    }
  });

  it("matches folder and service names case-insensitively, like ArcGIS Server", async () => {
    expect((await getJson(`${server.url}/ArcGIS/rest/services/sanfrancisco?f=json`)).body.services).toHaveLength(2);
    expect((await getJson(`${server.restUrl}/AHPS_Gauges/mapserver?f=json`)).body).toHaveProperty("layers");
  });

  it("pretty-prints with f=pjson", async () => {
    const text = await (await fetch(`${server.restUrl}?f=pjson`)).text();
    expect(text).toContain('\n  "folders": [\n');
    expect(JSON.parse(text)).toHaveProperty("currentVersion", 10.81);
  });

  it("answers missing folders, services, layers and operations with ArcGIS error bodies", async () => {
    expect((await getJson(`${server.restUrl}/Nowhere?f=json`)).body).toEqual({ error: { code: 404, message: "Folder not found", details: [] } });
    expect((await getJson(`${server.restUrl}/Nope/MapServer?f=json`)).body).toEqual({
      error: { code: 404, message: "Service not found", details: [] },
    });
    expect((await getJson(`${server.restUrl}/Odd/Empty/FeatureServer?f=json`)).body).toMatchObject({ error: { code: 404 } });
    expect((await getJson(`${server.restUrl}/ahps_gauges/MapServer/9?f=json`)).body).toEqual({
      error: { code: 400, message: "Invalid Layer or Table ID: 9.", details: [] },
    });
    expect((await getJson(`${server.restUrl}/ahps_gauges/MapServer/0/frobnicate?f=json`)).body).toMatchObject({ error: { code: 400 } });
    expect((await getJson(`${server.url}/elsewhere?f=json`)).body).toMatchObject({ error: { code: 404 } });
  });

  it("serves one feature by object id", async () => {
    const { body } = await getJson(`${server.restUrl}/SanFrancisco/311Incidents/FeatureServer/0/3?f=json`);
    const feature = body.feature as { attributes: Record<string, unknown>; geometry: { x: number; y: number } };
    expect(feature.attributes.objectid).toBe(3);
    expect(feature.geometry.x).toBeLessThan(-122);
    expect((await getJson(`${server.restUrl}/SanFrancisco/311Incidents/FeatureServer/0/99999?f=json`)).body).toMatchObject({
      error: { code: 404 },
    });
  });
});
