import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/validation-error.js";
import { Session } from "./session.js";
import { Token } from "./token.js";
import type { TokenProvider } from "./token-provider.js";

const A = "https://a.example/arcgis/rest/services";
const B = "https://b.example/arcgis/rest/services";

/** A provider that counts calls and issues numbered tokens. */
function countingProvider(root: string, lifetimeMs = 3_600_000, delayMs = 5): TokenProvider & { calls: number } {
  const provider = {
    calls: 0,
    async getToken(): Promise<Token> {
      provider.calls++;
      await new Promise((r) => setTimeout(r, delayMs));
      return new Token({ value: `tok-${provider.calls}`, serverRoot: root, expires: Date.now() + lifetimeMs });
    },
  };
  return provider;
}

describe("Session", () => {
  it("returns a token only for the server root it was issued for", async () => {
    const session = new Session({ url: A, token: "abc" });
    expect(await session.getToken(`${A}/Folder/S/MapServer/0/query`)).toBe("abc");
    expect(await session.getToken("https://a.example/arcgis/admin")).toBe("abc");
    expect(await session.getToken(B)).toBeUndefined();
    expect(await session.getToken("https://a.example/other/rest/services")).toBeUndefined();
    expect(await session.getToken("http://a.example/arcgis/rest/services")).toBeUndefined();
  });

  it("requires the server url with credentials or a token string", () => {
    expect(() => new Session({ token: "abc" })).toThrow(ValidationError);
    expect(() => new Session({ username: "u", password: "p" })).toThrow(/url: is required/);
    expect(() => new Session({ url: A, username: "u" })).toThrow(/password/);
    expect(() => new Session({ url: B, token: new Token({ value: "t", serverRoot: A }) })).toThrow(/issued for/);
    expect(new Session({ token: new Token({ value: "t", serverRoot: A }) }).tokenFor(A)?.value).toBe("t");
  });

  it("validates its limits", () => {
    expect(() => new Session({ concurrency: -1 })).toThrow(/concurrency/);
    expect(() => new Session({ retry: { limit: 1.5 } })).toThrow(/retry\.limit/);
    expect(() => new Session({ proxy: "proxy.ashx" })).toThrow(/proxy/);
    expect(new Session({ retry: { limit: 1 } }).retry).toMatchObject({ limit: 1, baseDelayMs: 300 });
  });

  it("does not hand out an expired token it cannot renew", async () => {
    const session = new Session();
    session.addToken({ value: "old", serverRoot: A, expires: Date.now() - 1 });
    expect(await session.getToken(A)).toBeUndefined();
  });

  it("gets a token from the provider once for concurrent callers", async () => {
    const session = new Session();
    const provider = countingProvider(A);
    session.setTokenProvider(A, provider);
    const values = await Promise.all(Array.from({ length: 5 }, () => session.getToken(`${A}/S/MapServer`)));
    expect(values).toEqual(Array(5).fill("tok-1"));
    expect(provider.calls).toBe(1);
    expect(await session.getToken(A)).toBe("tok-1");
    expect(provider.calls).toBe(1);
  });

  it("refreshes a token close to expiry when it can", async () => {
    const session = new Session({ refreshMarginMs: 60_000 });
    const provider = countingProvider(A, 30_000);
    session.setTokenProvider(A, provider);
    expect(await session.getToken(A)).toBe("tok-1");
    expect(await session.getToken(A)).toBe("tok-2");
    expect(provider.calls).toBe(2);
  });

  it("keeps using a still-valid token when an early refresh fails", async () => {
    const session = new Session({ refreshMarginMs: 60_000 });
    session.addToken({ value: "current", serverRoot: A, expires: Date.now() + 30_000 });
    session.setTokenProvider(A, { getToken: () => Promise.reject(new Error("down")) });
    expect(await session.getToken(A)).toBe("current");
  });

  it("refreshes a rejected token once, even for many callers", async () => {
    const session = new Session();
    const provider = countingProvider(A);
    session.setTokenProvider(A, provider);
    const first = await session.getToken(A);
    const renewed = await Promise.all([1, 2, 3].map(() => session.refreshToken(A, { stale: first })));
    expect(renewed).toEqual(["tok-2", "tok-2", "tok-2"]);
    expect(provider.calls).toBe(2);
    expect(await session.refreshToken(B)).toBeUndefined();
  });

  it("lets a caller abort waiting for a shared token request without cancelling it for others", async () => {
    const session = new Session();
    session.setTokenProvider(A, countingProvider(A, 3_600_000, 30));
    const controller = new AbortController();
    const aborted = session.getToken(A, { signal: controller.signal });
    const other = session.getToken(A);
    controller.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    expect(await other).toBe("tok-1");
  });

  it("forgets a token on invalidateToken", async () => {
    const session = new Session({ url: A, token: "abc" });
    session.invalidateToken(`${A}/x`);
    expect(await session.getToken(A)).toBeUndefined();
  });

  it("applies the seed's three ways to authenticate", async () => {
    const session = new Session();
    session.authenticate(A, { token: "t" });
    session.authenticate(B, { proxy: "https://p.example/proxy.ashx" });
    session.authenticate("https://c.example/arcgis/rest/services", { username: "u", password: "p" });
    expect(await session.getToken(A)).toBe("t");
    expect(session.proxyFor(`${B}/S/MapServer`)).toBe("https://p.example/proxy.ashx");
    expect(session.proxyFor(A)).toBeUndefined();
    expect(session.hasTokenProvider("https://c.example/arcgis/rest/services/x")).toBe(true);
    expect(() => session.authenticate(A, {} as never)).toThrow(ValidationError);
  });

  it("derives a proxied session sharing tokens and credentials", async () => {
    const session = new Session({ url: A, token: "abc" });
    const proxied = session.withProxy("https://p.example/proxy.ashx");
    expect(proxied.proxyFor(A)).toBe("https://p.example/proxy.ashx");
    expect(session.proxyFor(A)).toBeUndefined();
    expect(await proxied.getToken(A)).toBe("abc");
    proxied.addToken({ value: "new", serverRoot: B });
    expect(await session.getToken(B)).toBe("new");
  });
});
