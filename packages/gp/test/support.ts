import { Session } from "@arcrest/core";
import { startSampleServer, type RecordedRequest, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll } from "vitest";

/** A sample server for one test file, a session with quick retries, and the Tools GP service URL. */
export function useSampleServer() {
  const ctx = {} as { server: SampleServer; session: Session; gp: string };
  beforeAll(async () => {
    ctx.server = await startSampleServer({ port: 0 });
    ctx.session = new Session({ retry: { baseDelayMs: 2, maxDelayMs: 10, limit: 6 } });
    ctx.gp = `${ctx.server.restUrl}/Tools/GPServer`;
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  return ctx;
}

/** The seed's input point (Web Mercator, with the `sr` spelling of the seed's feature set). */
export const SEED_POINT = {
  geometryType: "esriGeometryPoint",
  features: [{ geometry: { x: -10603050.16225853, y: 4715351.1473399615, spatialReference: { wkid: 102100, latestWkid: 3857 } } }],
  sr: { wkid: 102100, latestWkid: 3857 },
};

/** Requests recorded since `from` whose path ends with `suffix` (a string) or matches it (a RegExp). */
export function requestsTo(server: SampleServer, suffix: string | RegExp, from = 0): RecordedRequest[] {
  return server.requests.slice(from).filter((r) => (typeof suffix === "string" ? r.path.endsWith(suffix) : suffix.test(r.path)));
}

/** The parameters of a recorded request (query and body). */
export function paramsOf(request: RecordedRequest): Record<string, string> {
  return { ...request.query, ...request.body };
}
