/**
 * Tokens over real HTTP: generateToken discovery, tokens per server root, tokens kept in POST
 * bodies, never sent to another origin (also not through redirects), 498 renewal and 499 errors.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import {
  ArcGISAuthError,
  ArcGISRequestError,
  Token,
  generateToken,
  getDefaultSession,
  request,
  setDefaultSession,
} from "../../src/index.js";
import { findTokenServiceUrl } from "../../src/auth/generate-token.js";
import { serverRoot } from "../../src/auth/server-root.js";
import { fastSession, real, startProxy, tokenPlaces } from "../request/support.js";

const USER = "arcrest";
const PASS = "arcrest-pass";

let a: SampleServer;
let b: SampleServer;
let parcelsA: string;
let parcelsB: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startSampleServer({ port: 0 }), startSampleServer({ port: 0 })]);
  parcelsA = `${a.restUrl}/Secure/Parcels/MapServer`;
  parcelsB = `${b.restUrl}/Secure/Parcels/MapServer`;
});
afterAll(() => Promise.all([a.close(), b.close()]));
afterEach(() => {
  for (const s of [a, b]) {
    s.faults.clear();
    s.clearRequests();
  }
});

describe("generateToken", () => {
  it("discovers the token service from rest/info and signs in with a POST", async () => {
    const session = fastSession({ referer: "https://app.example" });
    const token = await generateToken(a.restUrl, USER, PASS, { session, expirationMinutes: 30 });
    expect(token).toBeInstanceOf(Token);
    expect(token.serverRoot).toBe(`${a.url}/arcgis`);
    expect(token.isExpired()).toBe(false);
    expect(token.expires.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(token.expires.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000);

    const [info, sign] = real(a.requests);
    expect(info).toMatchObject({ method: "GET", path: "/arcgis/rest/info", query: { f: "json" } });
    expect(sign.method).toBe("POST");
    expect(sign.path).toBe("/arcgis/tokens/generateToken");
    expect(sign.query).toEqual({});
    expect(sign.body).toEqual({
      username: USER,
      password: PASS,
      client: "referer",
      referer: "https://app.example",
      expiration: "30",
      f: "json",
    });
    expect(session.tokenFor(`${a.restUrl}/x`)?.value).toBe(token.value);
  });

  it("stores the token in the global session by default, for later connects", async () => {
    const previous = getDefaultSession();
    setDefaultSession(fastSession());
    try {
      const token = await generateToken(`${a.restUrl}/Secure`, USER, PASS);
      a.clearRequests();
      await request(parcelsA);
      expect(real(a.requests)[0].body.token).toBe(token.value);
    } finally {
      setDefaultSession(previous);
    }
  });

  it("raises ArcGISAuthError for wrong credentials", async () => {
    const error = await generateToken(a.restUrl, USER, "wrong", { session: fastSession() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISAuthError);
    expect(error).toMatchObject({ code: 400, message: "Unable to generate token. (Invalid username or password.)", details: ["Invalid username or password."] });
    expect((error as ArcGISAuthError).url).not.toContain(PASS);
  });

  it("validates its input before any request", async () => {
    await expect(generateToken(a.restUrl, "", PASS)).rejects.toThrow(/username/);
    await expect(generateToken("nope", USER, PASS)).rejects.toThrow(/url/);
    expect(real(a.requests)).toHaveLength(0);
  });
});

describe("token discovery from recorded answers", () => {
  let fake: Server;
  let fakeUrl: string;
  const seen: Array<{ method: string; url: string; body: string }> = [];

  beforeAll(async () => {
    const sharingInfo = readFileSync(join(import.meta.dirname, "../../../../fixtures/arcgis/auth/arcgis-rest-js__sharing-rest-info.json"), "utf8");
    fake = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ method: req.method ?? "", url: req.url ?? "", body });
        res.setHeader("content-type", "application/json");
        if (req.url?.startsWith("/federated/rest/info")) res.end(sharingInfo);
        else if (req.url?.startsWith("/portal/sharing/rest/generateToken")) res.end(JSON.stringify({ token: "portal-token", expires: Date.now() + 60_000, ssl: false }));
        else res.end(JSON.stringify({ error: { code: 404, message: "Not found", details: [] } }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it("follows authInfo.tokenServicesUrl of a federated server's rest/info", async () => {
    const url = await findTokenServiceUrl(`${fakeUrl}/federated/rest/services`, { session: fastSession() });
    expect(url).toBe("https://www.arcgis.com/sharing/rest/generateToken");
  });

  it("signs in to a portal at <root>/sharing/rest/generateToken", async () => {
    const session = fastSession();
    const token = await generateToken(`${fakeUrl}/portal/home`, USER, PASS, { session });
    expect(token.value).toBe("portal-token");
    expect(token.serverRoot).toBe(`${fakeUrl}/portal`);
    const sign = seen.at(-1);
    expect(sign?.method).toBe("POST");
    expect(sign?.url).toBe("/portal/sharing/rest/generateToken");
    expect(new URLSearchParams(sign?.body).get("client")).toBe("referer");
    expect(new URLSearchParams(sign?.body).get("referer")).toBe(fakeUrl);
  });
});

describe("tokens on requests", () => {
  it("POSTs with the token in the body and never in a URL", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    const info = await request<{ layers: unknown[] }>(parcelsA, { session });
    expect(info.layers.length).toBeGreaterThan(0);
    const token = session.tokenFor(a.restUrl)?.value as string;
    const secured = real(a.requests).filter((r) => r.path.startsWith("/arcgis/rest/services"));
    expect(secured).toHaveLength(1);
    expect(secured[0].method).toBe("POST");
    expect(tokenPlaces(secured[0], token)).toEqual(["body.token"]);
    for (const r of real(a.requests)) expect(tokenPlaces(r, token).filter((p) => !p.startsWith("body."))).toEqual([]);
  });

  it("puts the token in the X-Esri-Authorization header when the session says so", async () => {
    const issued = a.tokens.issue(USER);
    const session = fastSession({ url: a.restUrl, token: issued.token, tokenPlacement: "header" });
    await request(parcelsA, { session });
    const [sent] = real(a.requests);
    expect(sent.method).toBe("POST");
    expect(tokenPlaces(sent, issued.token)).toEqual(["headers.x-esri-authorization"]);
    expect(sent.headers["x-esri-authorization"]).toBe(`Bearer ${issued.token}`);
  });

  it("moves a token given in the URL or params, under any spelling of its name, into the body", async () => {
    const issued = a.tokens.issue(USER);
    await request(`${parcelsA}?token=${issued.token}`, { session: fastSession() });
    await request(parcelsA, { session: fastSession(), params: { token: issued.token } });
    await request(`${parcelsA}?TOKEN=${issued.token}`, { session: fastSession() });
    await request(parcelsA, { session: fastSession(), params: { Token: issued.token } });
    expect(real(a.requests)).toHaveLength(4);
    for (const sent of real(a.requests)) {
      expect(sent.method).toBe("POST");
      expect(tokenPlaces(sent, issued.token)).toEqual(["body.token"]);
    }
  });

  it("accepts a Token in params only for the server root it was issued for", async () => {
    const issued = a.tokens.issue(USER);
    const token = new Token({ value: issued.token, serverRoot: a.restUrl, expires: issued.expires });
    await expect(request(parcelsA, { session: fastSession(), params: { token } })).resolves.toHaveProperty("layers");
    await expect(request(parcelsB, { session: fastSession(), params: { token } })).rejects.toThrow(/params\.token: was issued for/);
    expect(real(b.requests)).toHaveLength(0);
  });

  it("treats a Token-shaped object (a Token of another copy of the package) like a Token", async () => {
    const issued = a.tokens.issue(USER);
    const copy = { value: issued.token, serverRoot: `${a.url}/arcgis`, expires: new Date(issued.expires) };
    await expect(request(parcelsA, { session: fastSession(), params: { token: copy } })).resolves.toHaveProperty("layers");
    await expect(request(parcelsB, { session: fastSession(), params: { token: copy } })).rejects.toThrow(/params\.token: was issued for/);
    expect(real(b.requests)).toHaveLength(0);
  });

  it("keeps the token in a header when the caller forces GET", async () => {
    const issued = a.tokens.issue(USER);
    await request(parcelsA, { session: fastSession({ url: a.restUrl, token: issued.token }), httpMethod: "GET" });
    const [sent] = real(a.requests);
    expect(sent.method).toBe("GET");
    expect(tokenPlaces(sent, issued.token)).toEqual(["headers.x-esri-authorization"]);
  });

  it("sends the referer the token was generated for", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl, referer: "https://app.example" });
    await request(parcelsA, { session });
    const secured = real(a.requests).find((r) => r.path.endsWith("/Parcels/MapServer"));
    expect(secured?.headers.referer).toBe("https://app.example");
  });

  it("refuses to follow a redirect the browser hides while a token is attached", async () => {
    // Browsers answer redirect: "manual" with an opaque response; emulate that on top of real HTTP.
    const browserLike: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status >= 300 && response.status < 400) Object.defineProperty(response, "type", { value: "opaqueredirect" });
      return response;
    };
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl, fetch: browserLike });
    await session.getToken(a.restUrl);
    a.faults.add({ match: /Secure\/Parcels/, fault: { kind: "redirect", location: `${b.restUrl}?f=json`, status: 302 } });
    const error = await request(parcelsA, { session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect((error as Error).message).toMatch(/redirect.*not followed/);
    expect(real(b.requests)).toHaveLength(0);
  });

  it("uses an existing token (the seed's second way)", async () => {
    const issued = a.tokens.issue(USER);
    const session = fastSession();
    session.addToken(new Token({ value: issued.token, serverRoot: a.restUrl, expires: issued.expires }));
    await expect(request(parcelsA, { session })).resolves.toHaveProperty("layers");
  });

  it("shares one sign-in between concurrent requests", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    await Promise.all(Array.from({ length: 5 }, () => request(parcelsA, { session })));
    expect(real(a.requests).filter((r) => r.path.endsWith("generateToken"))).toHaveLength(1);
  });

  it("keeps two tokens for two sites and sends each only to its own", async () => {
    const session = fastSession();
    const tokA = await generateToken(a.restUrl, USER, PASS, { session });
    const tokB = await generateToken(b.restUrl, USER, PASS, { session });
    expect(tokA.value).not.toBe(tokB.value);
    a.clearRequests();
    b.clearRequests();
    await request(parcelsA, { session });
    await request(parcelsB, { session });
    const [toA] = real(a.requests);
    const [toB] = real(b.requests);
    expect(toA.body.token).toBe(tokA.value);
    expect(toB.body.token).toBe(tokB.value);
    expect(tokenPlaces(toA, tokB.value)).toEqual([]);
    expect(tokenPlaces(toB, tokA.value)).toEqual([]);
  });

  it("does not send a token to another origin", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    await request(parcelsA, { session });
    const token = session.tokenFor(a.restUrl)?.value as string;
    await request(b.restUrl, { session });
    const [toB] = real(b.requests);
    expect(toB.method).toBe("GET");
    expect(tokenPlaces(toB, token)).toEqual([]);
  });

  it("re-attaches the token after a redirect within the same server root", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    await session.getToken(a.restUrl);
    a.clearRequests();
    a.faults.add({ match: /Moved\/Parcels/, fault: { kind: "redirect", location: `${parcelsA}`, status: 307 } });
    const info = await request(`${a.restUrl}/Moved/Parcels/MapServer`, { session });
    expect(info).toHaveProperty("layers");
    const token = session.tokenFor(a.restUrl)?.value as string;
    const [moved, target] = real(a.requests);
    expect(moved.path).toBe("/arcgis/rest/services/Moved/Parcels/MapServer");
    expect(target.path).toBe("/arcgis/rest/services/Secure/Parcels/MapServer");
    expect(target.method).toBe("POST");
    expect(tokenPlaces(target, token)).toEqual(["body.token"]);
  });

  it.each([301, 302, 307, 308] as const)("never lets the token follow a %i redirect to another origin", async (status) => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    await session.getToken(a.restUrl);
    a.clearRequests();
    a.faults.add({ match: /Secure\/Parcels/, fault: { kind: "redirect", location: `${b.restUrl}?f=json`, status } });
    const directory = await request<{ folders: string[] }>(parcelsA, { session });
    expect(directory.folders).toContain("Secure");
    const token = session.tokenFor(a.restUrl)?.value as string;
    expect(tokenPlaces(real(a.requests)[0], token)).toEqual(["body.token"]);
    const atB = real(b.requests);
    expect(atB).toHaveLength(1);
    expect(tokenPlaces(atB[0], token)).toEqual([]);
  });

  it("does not use A's credentials when a redirect lands on B's secured folder", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    await session.getToken(a.restUrl);
    const token = session.tokenFor(a.restUrl)?.value as string;
    a.clearRequests();
    a.faults.add({ match: /Secure\/Parcels/, fault: { kind: "redirect", location: parcelsB, status: 307 } });
    const error = await request(parcelsA, { session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISAuthError);
    expect(error).toMatchObject({ code: 499 });
    for (const r of real(b.requests)) expect(tokenPlaces(r, token)).toEqual([]);
    expect(real(a.requests).filter((r) => r.path.endsWith("generateToken"))).toHaveLength(0);
  });

  it("scopes tokens by the target URL when going through a proxy (the seed's third way)", async () => {
    const proxy = await startProxy();
    try {
      const session = fastSession({ proxy: proxy.url, url: a.restUrl, username: USER, password: PASS });
      await request(parcelsA, { session });
      const token = session.tokenFor(a.restUrl)?.value as string;
      const viaProxy = proxy.requests.at(-1);
      expect(viaProxy?.method).toBe("POST");
      expect(viaProxy?.url).toBe(`/proxy.ashx?${parcelsA}`);
      expect(new URLSearchParams(viaProxy?.body).get("token")).toBe(token);
      await request(b.restUrl, { session });
      expect(proxy.requests.at(-1)?.url).toBe(`/proxy.ashx?${b.restUrl}?f=json`);
      for (const r of real(b.requests)) expect(tokenPlaces(r, token)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe("498 and 499", () => {
  it("renews an expired token once and retries (expire-token fault)", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    const first = await session.getToken(a.restUrl);
    a.clearRequests();
    a.faults.add({ match: /Secure\/Parcels/, fault: { kind: "expire-token" } });
    await expect(request(parcelsA, { session })).resolves.toHaveProperty("layers");
    const second = await session.getToken(a.restUrl);
    expect(second).not.toBe(first);
    const sent = real(a.requests);
    expect(sent.map((r) => r.path)).toEqual([
      "/arcgis/rest/services/Secure/Parcels/MapServer",
      "/arcgis/tokens/generateToken",
      "/arcgis/rest/services/Secure/Parcels/MapServer",
    ]);
    expect(sent[0].body.token).toBe(first);
    expect(sent[2].body.token).toBe(second);
  });

  it("gives up after one renewal", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    a.faults.add({ match: /Secure\/Parcels/, times: Infinity, fault: { kind: "expire-token" } });
    const error = await request(parcelsA, { session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISAuthError);
    expect(error).toMatchObject({ code: 498 });
    expect(real(a.requests).filter((r) => r.path.endsWith("generateToken"))).toHaveLength(2);
  });

  it("raises ArcGISAuthError for an invalid token the session cannot renew", async () => {
    const session = fastSession({ url: a.restUrl, token: "not-a-token" });
    const error = await request(parcelsA, { session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISAuthError);
    expect(error).toMatchObject({ code: 498, httpStatus: 200 });
    expect((error as Error).message).toMatch(/no credentials to renew/);
    expect(real(a.requests)).toHaveLength(1);
  });

  it("raises ArcGISAuthError saying a token is needed for a 499", async () => {
    const error = await request(parcelsA, { session: fastSession() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISAuthError);
    expect(error).toMatchObject({ code: 499, url: `${parcelsA}?f=json` });
    expect((error as Error).message).toMatch(/needs a token/);
    expect((error as Error).message).toContain(serverRoot(a.restUrl));
  });

  it("signs in on a 499 when the session holds credentials but no token yet", async () => {
    const session = fastSession({ username: USER, password: PASS, url: a.restUrl });
    await expect(request(parcelsA, { session })).resolves.toHaveProperty("layers");
  });

  it("refreshes a token shortly before it expires", async () => {
    const short = await startSampleServer({ port: 0, tokenTtlSeconds: 2 });
    try {
      const session = fastSession({ username: USER, password: PASS, url: short.restUrl, refreshMarginMs: 1500 });
      const parcels = `${short.restUrl}/Secure/Parcels/MapServer`;
      await request(parcels, { session });
      await request(parcels, { session });
      expect(real(short.requests).filter((r) => r.path.endsWith("generateToken"))).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 600));
      await request(parcels, { session });
      expect(real(short.requests).filter((r) => r.path.endsWith("generateToken"))).toHaveLength(2);
    } finally {
      await short.close();
    }
  });
});
