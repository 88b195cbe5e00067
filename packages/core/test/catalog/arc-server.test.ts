import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import {
  ArcGISAuthError,
  ArcServer,
  LayerMetadata,
  Session,
  Token,
  ValidationError,
  fetchLayerInfo,
  fetchServerInfo,
  type CatalogWarning,
} from "@arcrest/core";

let server: SampleServer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const fresh = () => new Session({ retry: { limit: 0 } });

describe("ArcServer", () => {
  it("connects with or without /rest/services and loads folders and services", async () => {
    for (const url of [server.restUrl, `${server.url}/arcgis`, `${server.url}/arcgis/rest`]) {
      const ags = await ArcServer.connect(url, { session: fresh() });
      expect(ags.url).toBe(server.restUrl);
      expect(ags.folders).toEqual(expect.arrayContaining(["SanFrancisco", "Secure", "Odd", "Boundaries"]));
      expect(ags.services.map((s) => s.name)).toContain("ahps_gauges");
      expect(ags.currentVersion).toBeGreaterThan(10);
    }
  });

  it("walks every folder depth first and skips a secured folder with a warning", async () => {
    const ags = await ArcServer.connect(server.restUrl, { session: fresh() });
    const warnings: CatalogWarning[] = [];
    const roots: string[] = [];
    const services: string[] = [];
    for await (const entry of ags.walk({ onWarning: (w) => warnings.push(w) })) {
      roots.push(entry.root);
      services.push(...entry.services.map((s) => `${s.name}/${s.type}`));
    }
    expect(roots[0]).toBe("");
    expect(roots).toEqual(expect.arrayContaining(["SanFrancisco", "Odd", "Boundaries"]));
    expect(roots).not.toContain("Secure");
    expect(warnings.map((w) => w.folder)).toEqual(["Secure"]);
    expect(warnings[0].error).toBeInstanceOf(ArcGISAuthError);
    expect(services).toEqual(expect.arrayContaining(["SanFrancisco/311Incidents/FeatureServer", "Odd/Empty/MapServer"]));
  });

  it("walks the secured folder once signed in", async () => {
    const ags = await ArcServer.connect(server.restUrl, { session: fresh(), username: "arcrest", password: "arcrest-pass" });
    const roots: string[] = [];
    for await (const entry of ags.walk()) roots.push(entry.root);
    expect(roots).toContain("Secure");
    const all = await ags.allServices();
    expect(all.map((s) => s.name)).toContain("Secure/Parcels");
  });

  it("finds services by case-insensitive name, with or without folder, and by wildcard", async () => {
    const ags = await ArcServer.connect(server.restUrl, { session: fresh() });
    expect(await ags.serviceUrl("AHPS_GAUGES")).toBe(`${server.restUrl}/ahps_gauges/MapServer`);
    expect(await ags.serviceUrl("311incidents", { type: "FeatureServer" })).toBe(
      `${server.restUrl}/SanFrancisco/311Incidents/FeatureServer`,
    );
    expect(await ags.serviceUrl("sanfran*/311*", { type: "FeatureServer" })).toBe(
      `${server.restUrl}/SanFrancisco/311Incidents/FeatureServer`,
    );
    await expect(ags.serviceUrl("no_such_service")).rejects.toBeInstanceOf(ValidationError);
  });

  it("opens a service handle with its layers", async () => {
    const ags = await ArcServer.connect(server.restUrl, { session: fresh() });
    const gauges = await ags.getService("ahps_gauges");
    expect(gauges.type).toBe("MapServer");
    expect(gauges.name).toBe("ahps_gauges");
    expect(gauges.listLayers()).toContain("observed_river_stages");
    expect(gauges.findEntry("OBSERVED_*")?.id).toBe(0);
    expect(gauges.findEntry(0)?.name).toBe("observed_river_stages");
    expect(gauges.findEntry("gauge_owners", ["tables"])).toBeDefined();
  });

  it("reads layer metadata with case-insensitive fields", async () => {
    const url = `${server.restUrl}/ahps_gauges/MapServer/0`;
    const meta = new LayerMetadata(url, await fetchLayerInfo(url, { session: fresh() }));
    expect(meta.objectIdField).toBe("objectid");
    expect(meta.listFields()).toEqual(expect.arrayContaining(["gaugelid", "status", "location", "state"]));
    expect(meta.field("GAUGELID")?.name).toBe("gaugelid");
    expect(meta.geometryType).toBe("esriGeometryPoint");
    expect(meta.supportsPagination).toBe(true);
    expect(meta.dateFields.map((f) => f.name)).toContain("obstime");
  });

  it("fails with a typed auth error when a secured service is opened without a token", async () => {
    const ags = await ArcServer.connect(server.restUrl, { session: fresh() });
    await expect(ags.getService("Secure/Parcels")).rejects.toBeInstanceOf(ArcGISAuthError);
  });
});

describe("fetchServerInfo", () => {
  it("reads rest/info from any URL of the server", async () => {
    const info = await fetchServerInfo(`${server.restUrl}/ahps_gauges/MapServer/0`, { session: fresh() });
    expect(info.authInfo.isTokenBasedSecurity).toBe(true);
    expect(info.authInfo.tokenServicesUrl).toBe(`${server.url}/arcgis/tokens/generateToken`);
    expect(info.currentVersion).toBeGreaterThan(10);
  });
});

describe("connect with an existing token", () => {
  it("uses a token string for this server", async () => {
    const { token } = server.tokens.issue("arcrest");
    const ags = await ArcServer.connect(server.restUrl, { session: fresh(), token });
    expect((await ags.allServices()).map((s) => s.name)).toContain("Secure/Parcels");
  });

  it("refuses a Token issued for another server", async () => {
    const other = new Token({ value: "abc", serverRoot: "https://elsewhere.example.com/arcgis" });
    await expect(ArcServer.connect(server.restUrl, { session: fresh(), token: other })).rejects.toBeInstanceOf(ValidationError);
  });
});
