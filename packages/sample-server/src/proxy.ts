/** An Esri resource proxy look-alike for tests of clients configured with a `proxy`. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request seen by {@link startResourceProxy}. */
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

/**
 * A minimal look-alike of Esri's resource proxy (DotNet `proxy.ashx`): `/proxy.ashx?<target>` forwards the
 * request to target and records it, so tests can check what a client sent through a proxy.
 */
export async function startResourceProxy(): Promise<{ url: string; requests: ProxiedRequest[]; close(): Promise<void> }> {
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
