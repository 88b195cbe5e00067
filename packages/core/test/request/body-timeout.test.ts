/**
 * The timeout covers the whole answer, body included: a server that sends its headers and then
 * stalls in the middle of the body fails the attempt with ArcGISTimeoutError instead of hanging.
 * A hostile server the sample server does not imitate, so a tiny node:http server stands in.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArcGISTimeoutError, request } from "../../src/index.js";
import { fastSession } from "./support.js";

let server: Server;
let base: string;
let hits = 0;
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "application/json" });
    // Half a JSON document, then nothing: the connection stays open.
    res.write('{"features":[{"attributes":{"id":1}},');
    stalled.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/arcgis/rest/services/S/MapServer/0/query`;
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("timeout of the body", () => {
  it("fails an attempt whose body stalls after the headers", async () => {
    hits = 0;
    const error = await request(base, { session: fastSession(), timeout: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300, url: `${base}?f=json` });
    // A timed-out read is not retried by default (a slow server stays slow).
    expect(hits).toBe(1);
  });

  it("retries a stalled read when the policy retries timeouts, and fails after the limit", async () => {
    hits = 0;
    const session = fastSession({ retry: { retryOnTimeout: true, limit: 2 } });
    await expect(request(base, { session, timeout: 200 })).rejects.toBeInstanceOf(ArcGISTimeoutError);
    expect(hits).toBe(3);
  });
});
