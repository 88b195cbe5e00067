import { Session } from "@arcrest/core";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll } from "vitest";

/** A sample server for one test file, a session with quick retries, and the locators' URLs. */
export function useSampleServer() {
  const ctx = {} as { server: SampleServer; session: Session; locator: string; single: string };
  beforeAll(async () => {
    ctx.server = await startSampleServer({ port: 0 });
    ctx.session = new Session({ retry: { baseDelayMs: 2, maxDelayMs: 10, limit: 6 } });
    ctx.locator = `${ctx.server.restUrl}/Locators/SampleLocator/GeocodeServer`;
    ctx.single = `${ctx.server.restUrl}/Locators/SingleLocator/GeocodeServer`;
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  return ctx;
}

/** Parameters of the requests to `operation` recorded since `from`. */
export function requestsTo(server: SampleServer, operation: string, from = 0): Record<string, string>[] {
  return server.requests
    .slice(from)
    .filter((r) => r.path.endsWith(`/${operation}`))
    .map((r) => ({ ...r.query, ...r.body }));
}

const NAMES = ["Oak", "Pine", "Maple", "Cedar", "Elm", "Main", "Lake", "Hill", "Park", "Washington", "Lincoln", "Jackson", "Franklin", "Highland", "River", "Sunset", "Forest", "Church", "Mill", "Spring", "Center", "Walnut", "Willow", "Meadow", "Orchard"];

/** `count` addresses of the sample table, varied: full lines, lines without a city (ties), and misses. */
export function sampleRecords(count: number): string[] {
  const cities = ["Redlands, CA, 92373", "Portland, OR, 97205", "Austin, TX, 78701"];
  return Array.from({ length: count }, (_, i) => {
    const s = i % 50;
    const number = ((i % 10) + 1) * 100 + s * 2;
    const street = `${NAMES[Math.floor(s / 2)]} ${s % 2 === 0 ? "St" : "Ave"}`;
    if (i % 13 === 0) return `${number + 1} Nowhere Rd, Gotham`;
    if (i % 7 === 0) return `${number} ${street}`;
    return `${number} ${street}, ${cities[i % cities.length]}`;
  });
}
