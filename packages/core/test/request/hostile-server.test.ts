/**
 * Hostile servers the sample server does not imitate, on a tiny node:http server: answers larger than
 * the session's maxResponseBytes (also as a gzip bomb), bodies trickling a byte at a time, connections
 * reset in the middle of a body, redirect loops and redirects to non-http schemes.
 * (Tokens and redirects to other servers: test/auth/auth.test.ts; a body that stalls: body-timeout.test.ts.)
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArcGISNetworkError, ArcGISRequestError, ArcGISTimeoutError, Session, ValidationError, request } from "../../src/index.js";
import { fastSession } from "./support.js";

const MB = 1024 * 1024;
/** 64 MiB of JSON (an array of spaces) in about 64 KiB of gzip. */
const bomb = gzipSync(Buffer.concat([Buffer.from("["), Buffer.alloc(64 * MB, 0x20), Buffer.from("]")]));

let server: Server;
let root: string;
const hits = new Map<string, number>();
const open: ServerResponse[] = [];

const routes: Record<string, (res: ServerResponse, hit: number) => void> = {
  big: (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(`{"text":"${"x".repeat(2 * MB)}"}`);
  },
  declared: (res) => {
    // Claims 1 GiB: refused from the header alone, before anything is read.
    res.writeHead(200, { "content-type": "application/json", "content-length": String(1024 * MB) });
    res.write("{");
    open.push(res);
  },
  bomb: (res) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(bomb);
  },
  trickle: (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("[");
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 20);
    res.on("close", () => clearInterval(timer));
    open.push(res);
  },
  reset: (res, hit) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (hit > 1) return void res.end('{"features":[{"attributes":{"id":1}}]}');
    res.write('{"features":[{"attributes":');
    setTimeout(() => res.socket?.resetAndDestroy(), 20);
  },
  loop: (res) => void res.writeHead(302, { location: "/loop" }).end(),
  moved: (res) => void res.writeHead(302, { location: "/ok" }).end(),
  file: (res) => void res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  javascript: (res) => void res.writeHead(301, { location: "javascript:alert(1)" }).end(),
  data: (res) => void res.writeHead(307, { location: "data:application/json,{}" }).end(),
  ftp: (res) => void res.writeHead(308, { location: "ftp://127.0.0.1/x.json" }).end(),
  ok: (res) => void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? "/").slice(1).split("?")[0]!;
    const hit = (hits.get(name) ?? 0) + 1;
    hits.set(name, hit);
    req.resume();
    req.on("end", () => (routes[name] ?? routes.ok!)(res, hit));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => hits.clear());
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("size limit", () => {
  it("stops an answer larger than maxResponseBytes with a typed error, not retried", async () => {
    const error = await request(`${root}/big`, { session: fastSession({ maxResponseBytes: MB }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect((error as Error).message).toMatch(/larger than the limit of 1048576 bytes/);
    expect(hits.get("big")).toBe(1);
    // Below the limit the same answer is read.
    await expect(request(`${root}/big`, { session: fastSession({ maxResponseBytes: 3 * MB }) })).resolves.toMatchObject({ text: expect.any(String) });
  });

  it("refuses a declared Content-Length above the limit without reading the body", async () => {
    await expect(request(`${root}/declared`, { session: fastSession({ timeoutMs: 120_000 }) })).rejects.toThrow(/larger than the limit of 536870912 bytes/);
  });

  it("stops a gzip bomb after maxResponseBytes of decompressed bytes, memory bounded", async () => {
    const before = process.memoryUsage().rss;
    const error = await request(`${root}/bomb`, { session: fastSession({ maxResponseBytes: 4 * MB }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect((error as Error).message).toMatch(/larger than the limit/);
    // 64 MiB inflated would show; the limit keeps the growth to a few MiB (generous bound for a loaded machine).
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * MB);
  });

  it("checks the option", () => {
    expect(() => new Session({ maxResponseBytes: -1 })).toThrow(ValidationError);
    expect(new Session().maxResponseBytes).toBe(512 * MB);
  });
});

describe("slow and broken bodies", () => {
  it("times out a body trickling a byte at a time (the timeout covers the whole body)", async () => {
    const error = await request(`${root}/trickle`, { session: fastSession(), timeout: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISTimeoutError);
    expect(hits.get("trickle")).toBe(1);
  });

  it("retries a read whose connection is reset in the middle of the body", async () => {
    await expect(request(`${root}/reset`, { session: fastSession() })).resolves.toEqual({ features: [{ attributes: { id: 1 } }] });
    expect(hits.get("reset")).toBe(2);
  });

  it("never retries a write whose connection is reset in the middle of the body", async () => {
    await expect(request(`${root}/reset`, { session: fastSession(), kind: "write" })).rejects.toBeInstanceOf(ArcGISNetworkError);
    expect(hits.get("reset")).toBe(1);
  });
});

describe("redirects", () => {
  it("stops a redirect loop after 20 redirects (as browsers do) with a typed error, never retried", async () => {
    const error = await request(`${root}/loop`, { session: fastSession() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect(error).not.toBeInstanceOf(ArcGISNetworkError);
    expect((error as Error).message).toMatch(/Too many redirects \(more than 20\)/);
    expect(hits.get("loop")).toBe(21);
  });

  it("in a browser (which hides manual redirects) sends a tokenless request again for the browser to follow", async () => {
    const modes: RequestRedirect[] = [];
    // Browsers answer redirect: "manual" with an opaque response; emulate that on top of real HTTP.
    const browserFetch: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      modes.push(req.redirect);
      const response = await fetch(req);
      if (req.redirect === "manual" && response.status >= 300 && response.status < 400) Object.defineProperty(response, "type", { value: "opaqueredirect" });
      return response;
    };
    await expect(request(`${root}/moved`, { session: fastSession({ fetch: browserFetch }) })).resolves.toEqual({ ok: true });
    expect(modes).toEqual(["manual", "follow"]);
  });

  it.each(["file", "javascript", "data", "ftp"])("refuses a redirect to a %s: URL, also with a token, never retried", async (name) => {
    for (const session of [fastSession(), fastSession({ url: root, token: "secret-token" })]) {
      hits.clear();
      const error = await request(`${root}/${name}`, { session }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArcGISRequestError);
      expect((error as Error).message).toMatch(/only http and https redirects are followed/);
      expect((error as Error).message).not.toContain("secret-token");
      expect(hits.get(name)).toBe(1);
    }
  });
});
