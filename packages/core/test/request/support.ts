/** Shared helpers of the request and auth integration tests. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SampleServer } from "@arcrest/sample-server";
import { Session, type SessionOptions } from "../../src/index.js";

/** One request as the sample server recorded it. */
export type RecordedRequest = SampleServer["requests"][number];

/** A session with tiny retry delays, so retry tests stay fast. */
export function fastSession(options: SessionOptions = {}): Session {
  return new Session({ ...options, retry: { baseDelayMs: 5, maxDelayMs: 20, ...options.retry } });
}

/** Where a token could hide in a recorded request: URL query, body fields or headers. */
export function tokenPlaces(request: RecordedRequest, token: string): string[] {
  const places: string[] = [];
  if (request.path.includes(token)) places.push("path");
  for (const [k, v] of Object.entries(request.query)) if (v.includes(token)) places.push(`query.${k}`);
  for (const [k, v] of Object.entries(request.body)) if (v.includes(token)) places.push(`body.${k}`);
  for (const [k, v] of Object.entries(request.headers)) if (v.includes(token)) places.push(`headers.${k}`);
  return places;
}

/** Requests other than CORS preflights. */
export function real(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method !== "OPTIONS");
}

/** A request seen by {@link startProxy}. */
export interface ProxiedRequest {
  method: string;
  /** The raw request target: `/proxy.ashx?<target url>`. */
  url: string;
  body: string;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A minimal Esri-resource-proxy look-alike: `/proxy.ashx?<target>` forwards the request to target. */
export async function startProxy(): Promise<{ url: string; requests: ProxiedRequest[]; close(): Promise<void> }> {
  const requests: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const raw = req.url ?? "/";
      requests.push({ method: req.method ?? "GET", url: raw, body: body.toString("utf8") });
      const target = raw.slice(raw.indexOf("?") + 1);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers[k] = v;
      }
      const answer = await fetch(target, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body),
        redirect: "manual",
      });
      const out = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream" });
      res.end(out);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/proxy.ashx`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
