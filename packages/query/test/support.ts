import { Session } from "@arcrest/core";
import { startSampleServer, type SampleServer, type SampleServerOptions } from "@arcrest/sample-server";
import { afterAll, beforeAll } from "vitest";

/** A sample server for one test file, and a session with quick retries. */
export function useSampleServer(options: SampleServerOptions = {}) {
  const ctx = {} as { server: SampleServer; session: Session; rest: string };
  beforeAll(async () => {
    ctx.server = await startSampleServer({ port: 0, ...options });
    ctx.session = new Session({ retry: { baseDelayMs: 2, maxDelayMs: 10, limit: 6 } });
    ctx.rest = ctx.server.restUrl;
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  return ctx;
}

/** Query requests recorded by the server since `from` (their parameters, GET or POST). */
export function queryRequests(server: SampleServer, from = 0, pathPart = "/query"): Record<string, string>[] {
  return server.requests
    .slice(from)
    .filter((r) => r.path.endsWith(pathPart))
    .map((r) => ({ ...r.query, ...r.body }));
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
