import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";
import { fixture } from "../helpers/fixtures.js";
import { getJson, postForm } from "../helpers/http.js";
import { structuralDiff } from "../helpers/structure.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0, users: { arcrest: "arcrest-pass", other: "secret" }, tokenTtlSeconds: 600 });
});
afterAll(() => server.close());

const parcels = (): string => `${server.restUrl}/Secure/Parcels/MapServer`;

async function generate(fields: Record<string, string>): Promise<Record<string, unknown>> {
  return (await postForm(`${server.url}/arcgis/tokens/generateToken`, { f: "json", client: "requestip", ...fields })).body;
}

describe("generateToken", () => {
  it("issues an expiring token for valid credentials", async () => {
    const before = Date.now();
    const answer = await generate({ username: "arcrest", password: "arcrest-pass", expiration: "5" });
    expect(answer).toMatchObject({ ssl: false });
    expect(typeof answer.token).toBe("string");
    expect((answer.token as string).length).toBeGreaterThan(20);
    const expires = answer.expires as number;
    expect(expires).toBeGreaterThanOrEqual(before + 5 * 60_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000);
  });

  it("caps the lifetime at tokenTtlSeconds", async () => {
    const answer = await generate({ username: "other", password: "secret", expiration: "100000" });
    expect(answer.expires as number).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
  });

  it("answers bad credentials exactly like ArcGIS Server", async () => {
    const answer = await generate({ username: "arcrest", password: "wrong" });
    expect(answer).toEqual(fixture("errors/arcgis-rest-js__error-generateToken-invalid-credentials.json"));
  });

  it("names missing parameters", async () => {
    const answer = await generate({ username: "arcrest" });
    expect(answer).toEqual({ error: { code: 400, message: "Unable to generate token.", details: ["'password' must be specified."] } });
  });
});

describe("secured resources", () => {
  it("lists the secured folder without a token but refuses its content with 499", async () => {
    const root = (await getJson(`${server.restUrl}?f=json`)).body;
    expect(root.folders).toContain("Secure");
    const folder = await getJson(`${server.restUrl}/Secure?f=json`);
    expect(folder.status).toBe(200);
    expect(folder.body).toEqual(fixture("errors/oa-machine__us-tx-runnels-metadata.json"));
    const service = (await getJson(`${parcels()}?f=json`)).body;
    expect(service).toEqual({ error: { code: 499, message: "Token Required", details: [] } });
    expect(structuralDiff(fixture("errors/arcgis-rest-js__error-499-token-required.json"), service, { ignore: ["error.messageCode"] })).toEqual([]);
  });

  it("accepts a token as a parameter, in X-Esri-Authorization and in Authorization", async () => {
    const { token } = (await generate({ username: "arcrest", password: "arcrest-pass" })) as { token: string };
    const viaParam = await postForm(`${parcels()}/0`, { f: "json", token });
    expect(viaParam.body).toMatchObject({ name: "parcels", geometryType: "esriGeometryPolygon" });
    const viaEsriHeader = await getJson(`${parcels()}?f=json`, { headers: { "X-Esri-Authorization": `Bearer ${token}` } });
    expect(viaEsriHeader.body).toMatchObject({ layers: [{ name: "parcels" }] });
    const viaAuthorization = await getJson(`${server.restUrl}/Secure?f=json`, { headers: { Authorization: `Bearer ${token}` } });
    expect(viaAuthorization.body).toMatchObject({ services: [{ name: "Secure/Parcels", type: "MapServer" }] });
    const query = await postForm(`${parcels()}/0/query`, { f: "json", where: "1=1", returnCountOnly: "true", token });
    expect(query.body).toEqual({ count: 180 });
  });

  it("answers 498 for an unknown, expired or revoked token, even on public services", async () => {
    const invalid = { error: { code: 498, message: "Invalid Token", details: [] } };
    expect((await postForm(`${parcels()}`, { f: "json", token: "not-a-token" })).body).toEqual(invalid);
    expect((await postForm(`${server.restUrl}/ahps_gauges/MapServer`, { f: "json", token: "not-a-token" })).body).toEqual(invalid);
    expect(structuralDiff(fixture("errors/arcgis-rest-js__error-498-invalid-token.json"), invalid)).toEqual([]);

    const revoked = server.tokens.issue("arcrest");
    expect((await postForm(parcels(), { f: "json", token: revoked.token })).body).toHaveProperty("layers");
    server.tokens.revoke(revoked.token);
    expect((await postForm(parcels(), { f: "json", token: revoked.token })).body).toEqual(invalid);

    const short = server.tokens.issue("arcrest", 0.2);
    expect((await postForm(parcels(), { f: "json", token: short.token })).body).toHaveProperty("layers");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await postForm(parcels(), { f: "json", token: short.token })).body).toEqual(invalid);
  });

  it("expireAll invalidates every issued token", async () => {
    const a = server.tokens.issue("arcrest");
    const { token } = (await generate({ username: "other", password: "secret" })) as { token: string };
    server.tokens.expireAll();
    for (const t of [a.token, token]) {
      expect((await postForm(parcels(), { f: "json", token: t })).body).toMatchObject({ error: { code: 498 } });
    }
    // A fresh token works again.
    const fresh = server.tokens.issue("arcrest");
    expect((await postForm(parcels(), { f: "json", token: fresh.token })).body).toHaveProperty("layers");
  });
});
