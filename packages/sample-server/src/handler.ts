import type { IncomingMessage, ServerResponse } from "node:http";
import { requestToken } from "./auth/request-token.js";
import type { RequestContext, ServerState } from "./context.js";
import type { FaultInjector } from "./faults/fault-injector.js";
import type { Fault } from "./faults/types.js";
import { BodyError, parseBody, readBody, searchParamsToRecord } from "./http/body.js";
import { corsHeaders } from "./http/cors.js";
import { errorReply, htmlErrorReply, type Reply, statusText } from "./http/reply.js";
import { dispatch } from "./routes/router.js";
import type { RecordedRequest } from "./types.js";

/** What the request handler works with: the server's state, its faults, its request log and added latency. */
export interface HandlerEnv {
  state: ServerState;
  faults: FaultInjector;
  requests: RecordedRequest[];
  latencyMs: number;
}

type Cors = Record<string, string>;

/** Answers one HTTP request: records it, applies a fault if one matches, then dispatches it to its route. */
export async function handle(env: HandlerEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const time = Date.now();
  const method = (req.method ?? "GET").toUpperCase();
  const rawTarget = req.url ?? "/";
  const url = new URL(rawTarget, "http://localhost");
  const query = searchParamsToRecord(url.searchParams);
  const headers = lowerCaseHeaders(req);
  const cors = corsHeaders(req);
  const path = normalisePath(safeDecode(url.pathname));
  const record = (body: Record<string, string>) => env.requests.push({ method, path, query, body, headers, time });
  if (method === "OPTIONS") {
    record({});
    res.writeHead(204, cors).end();
    return;
  }
  const body = await readFields(req, method);
  if (body instanceof Error) {
    const status = body instanceof BodyError ? body.status : 400;
    record({});
    await send(env, res, htmlErrorReply(status, statusText(status)), cors);
    return;
  }
  record(body.fields);
  const params = { ...query, ...body.fields };
  const token = requestToken(params, headers);
  const ctx: RequestContext = { method, path, segments: path.split("/").filter(Boolean), params, files: body.files, headers, token, state: env.state };
  const fault = env.faults.pick({ method, target: rawTarget, hasToken: ctx.token !== undefined });
  if (fault && (await applyFault(env, fault, ctx, res, cors))) return;
  await send(env, res, await answer(ctx), cors);
}

/** The body's fields and files (none for GET), or the error that made it unreadable. */
async function readFields(req: IncomingMessage, method: string): Promise<{ fields: Record<string, string>; files: RequestContext["files"] } | Error> {
  try {
    return method === "POST" || method === "PUT" ? parseBody(await readBody(req), req.headers["content-type"]) : { fields: {}, files: [] };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Applies a fault; true when the request is finished (answered or cut). */
async function applyFault(env: HandlerEnv, fault: Fault, ctx: RequestContext, res: ServerResponse, cors: Cors): Promise<boolean> {
  switch (fault.kind) {
    case "cut":
      res.socket?.destroy();
      return true;
    case "status":
      await send(env, res, htmlErrorReply(fault.status, statusText(fault.status)), cors);
      return true;
    case "rate-limit": {
      const reply = htmlErrorReply(429, statusText(429));
      reply.headers["retry-after"] = String(fault.retryAfterSeconds);
      await send(env, res, reply, cors);
      return true;
    }
    case "error-in-200":
      await send(env, res, errorReply(fault.code, fault.message, [], ctx.params), cors);
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
      if (ctx.token) env.state.tokens.expire(ctx.token);
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

async function send(env: HandlerEnv, res: ServerResponse, reply: Reply, cors: Cors): Promise<void> {
  if (env.latencyMs > 0) await sleep(env.latencyMs);
  if (res.destroyed) return;
  const length = typeof reply.body === "string" ? Buffer.byteLength(reply.body, "utf8") : reply.body.byteLength;
  res.writeHead(reply.status, { ...cors, ...reply.headers, "content-length": String(length) });
  res.end(reply.body);
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
