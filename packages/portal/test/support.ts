import { Session } from "@arcrest/core";
import { startSampleServer, type RecordedRequest, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll } from "vitest";

/** The sample server's sign-in user and password. */
export const USER = "arcrest";
export const PASSWORD = "arcrest-pass";

/** A sample server for one test file. */
export function useSampleServer() {
  const ctx = {} as { server: SampleServer; portalUrl: string; restUrl: string };
  beforeAll(async () => {
    ctx.server = await startSampleServer({ port: 0 });
    ctx.portalUrl = ctx.server.portal.url;
    ctx.restUrl = `${ctx.server.portal.url}/sharing/rest`;
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  return ctx;
}

/** A fresh session with quick retries. */
export function newSession(): Session {
  return new Session({ retry: { baseDelayMs: 2, maxDelayMs: 10, limit: 3 } });
}

/** Parameters of a recorded request (query and body). */
export function paramsOf(request: RecordedRequest): Record<string, string> {
  return { ...request.query, ...request.body };
}

/** Requests since `from` whose path ends with `suffix`. */
export function requestsTo(server: SampleServer, suffix: string, from = 0): RecordedRequest[] {
  return server.requests.slice(from).filter((r) => r.path.toLowerCase().endsWith(suffix.toLowerCase()));
}

/** Whether a request carried `token` anywhere (parameters or headers). */
export function carries(request: RecordedRequest, token: string): boolean {
  return Object.values(paramsOf(request)).includes(token) || Object.values(request.headers).some((h) => h.includes(token));
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
