import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { requestToken } from "./auth/request-token.js";
import { TokenStore } from "./auth/tokens.js";
import type { RequestContext, ServerState } from "./context.js";
import { createDefaultDataset } from "./data/default-dataset.js";
import { addSyntheticPointsService } from "./data/synthetic.js";
import { FaultInjector } from "./faults/fault-injector.js";
import type { Fault } from "./faults/types.js";
import { BodyError, parseBody, readBody, searchParamsToRecord } from "./http/body.js";
import { corsHeaders } from "./http/cors.js";
import { errorReply, htmlErrorReply, type Reply, statusText } from "./http/reply.js";
import { createPortalState, portalTokenController } from "./portal/state.js";
import { OutputStore } from "./routes/output-store.js";
import { dispatch } from "./routes/router.js";
import type { RecordedRequest, SampleServer, SampleServerOptions } from "./types.js";

const DEFAULT_USERS: Record<string, string> = { arcrest: "arcrest-pass" };

/**
 * Starts a GeoServices-compatible server with sample data on 127.0.0.1 (by default on a free port).
 *
 * @example
 * const server = await startSampleServer({ port: 0 });
 * const info = await (await fetch(`${server.restUrl}?f=json`)).json();
 * await server.close();
 */
export async function startSampleServer(options: SampleServerOptions = {}): Promise<SampleServer> {
  const seed = options.seed ?? 1;
  const latencyMs = options.latencyMs ?? 0;
  if (!(latencyMs >= 0)) throw new RangeError(`latencyMs must be >= 0, got ${options.latencyMs}`);
  const dataset = options.dataset ?? createDefaultDataset({ seed });
  if (options.syntheticPoints !== undefined) addSyntheticPointsService(dataset, options.syntheticPoints, seed);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!(tokenTtlSeconds > 0)) throw new RangeError(`tokenTtlSeconds must be > 0, got ${options.tokenTtlSeconds}`);

  const users = options.users ?? DEFAULT_USERS;
  const state: ServerState = {
    dataset,
    tokens: new TokenStore(tokenTtlSeconds),
    users,
    seed,
    offsetCost: options.offsetCost ?? false,
    outputs: new OutputStore(),
    baseUrl: "",
    portal: createPortalState(seed, Object.keys(users), tokenTtlSeconds),
  };
  const faults = new FaultInjector(seed);
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only reachable when writing the answer itself failed: the socket is gone.
      if (!res.headersSent) res.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    const rawTarget = req.url ?? "/";
    const url = new URL(rawTarget, "http://localhost");
    const query = searchParamsToRecord(url.searchParams);
    const headers = lowerCaseHeaders(req);
    const cors = corsHeaders(req);

    const path = normalisePath(safeDecode(url.pathname));
    if (method === "OPTIONS") {
      requests.push({ method, path, query, body: {}, headers, time });
      res.writeHead(204, cors).end();
      return;
    }

    let body: { fields: Record<string, string>; files: RequestContext["files"] };
    try {
      body = method === "POST" || method === "PUT" ? parseBody(await readBody(req), req.headers["content-type"]) : { fields: {}, files: [] };
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      requests.push({ method, path, query, body: {}, headers, time });
      await send(res, htmlErrorReply(status, statusText(status)), cors);
      return;
    }
    requests.push({ method, path, query, body: body.fields, headers, time });

    const params = { ...query, ...body.fields };
    const ctx: RequestContext = {
      method,
      path,
      segments: path.split("/").filter(Boolean),
      params,
      files: body.files,
      headers,
      token: requestToken(params, headers),
      state,
    };

    const fault = faults.pick({ method, target: rawTarget, hasToken: ctx.token !== undefined });
    if (fault) {
      const handled = await applyFault(fault, ctx, res, cors);
      if (handled) return;
    }
    const reply = await answer(ctx);
    await send(res, reply, cors);
  }

  /** Applies a fault; true when the request is finished (answered or cut). */
  async function applyFault(fault: Fault, ctx: RequestContext, res: ServerResponse, cors: Record<string, string>): Promise<boolean> {
    switch (fault.kind) {
      case "cut":
        res.socket?.destroy();
        return true;
      case "status":
        await send(res, htmlErrorReply(fault.status, statusText(fault.status)), cors);
        return true;
      case "rate-limit": {
        const reply = htmlErrorReply(429, statusText(429));
        reply.headers["retry-after"] = String(fault.retryAfterSeconds);
        await send(res, reply, cors);
        return true;
      }
      case "error-in-200":
        await send(res, errorReply(fault.code, fault.message, [], ctx.params), cors);
        return true;
      case "delay":
        await sleep(fault.ms);
        return false;
      case "redirect": {
        const status = fault.status ?? 302;
        res.writeHead(status, { ...cors, location: fault.location, "content-type": "text/html; charset=utf-8" });
        res.end(`<html><body>Moved to <a href="${fault.location}">${fault.location}</a></body></html>`);
        return true;
      }
      case "drop-after-apply":
        await answer(ctx);
        res.socket?.destroy();
        return true;
      case "expire-token":
        if (ctx.token) state.tokens.expire(ctx.token);
        return false;
    }
  }

  async function answer(ctx: RequestContext): Promise<Reply> {
    try {
      return await dispatch(ctx);
    } catch (error) {
      // ArcGIS reports server-side failures as an error body inside HTTP 200.
      return errorReply(500, "Unable to complete operation.", [error instanceof Error ? error.message : String(error)], ctx.params);
    }
  }

  async function send(res: ServerResponse, reply: Reply, cors: Record<string, string>): Promise<void> {
    if (latencyMs > 0) await sleep(latencyMs);
    if (res.destroyed) return;
    const length = typeof reply.body === "string" ? Buffer.byteLength(reply.body, "utf8") : reply.body.byteLength;
    res.writeHead(reply.status, { ...cors, ...reply.headers, "content-length": String(length) });
    res.end(reply.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  state.baseUrl = `http://${host}:${address.port}`;

  return {
    url: state.baseUrl,
    restUrl: `${state.baseUrl}/arcgis/rest/services`,
    adminUrl: `${state.baseUrl}/arcgis/admin`,
    port: address.port,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    faults,
    tokens: state.tokens,
    portal: { url: `${state.baseUrl}/portal`, tokens: portalTokenController(state.portal), leaks: state.portal.leaks },
    dataset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** Collapses repeated slashes and drops a trailing slash. */
function normalisePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, "/");
  return collapsed.length > 1 && collapsed.endsWith("/") ? collapsed.slice(0, -1) : collapsed;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
