/**
 * Chaos (`CHAOS=long`, `pnpm test:chaos`): a gzip bomb of 1 GiB of JSON against the default
 * maxResponseBytes (512 MiB) stops with a typed error and the process's peak RSS stays under 1 GB.
 * Skipped in the default run (it inflates half a gigabyte); hostile-server.test.ts covers small limits.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArcGISRequestError, Session, request } from "../../src/index.js";

const LONG = process.env.CHAOS === "long";
const MiB = 1024 * 1024;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    const gzip = createGzip({ level: 1 });
    gzip.pipe(res);
    const chunk = Buffer.alloc(MiB, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < 1024) {
        sent++;
        if (!gzip.write(chunk)) return void gzip.once("drain", pump);
      }
      gzip.end();
    };
    gzip.write("[");
    pump();
    res.on("close", () => gzip.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/arcgis/rest/services/Bomb/MapServer/0/query`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.skipIf(!LONG)("chaos: a 1 GiB gzip bomb with the default limit", () => {
  it("stops at 512 MiB with a typed error, peak RSS under 1 GB", async () => {
    const error = await request(url, { session: new Session({ timeoutMs: 600_000 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect((error as Error).message).toMatch(/larger than the limit of 536870912 bytes/);
    const peakBytes = process.resourceUsage().maxRSS * 1024;
    console.log(`peak RSS ${Math.round(peakBytes / MiB)} MiB`);
    expect(peakBytes).toBeLessThan(1e9);
  }, 900_000);
});
