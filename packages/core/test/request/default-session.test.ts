/**
 * Calls given no session: they use the default Session once one exists (its settings and tokens),
 * and before that the same defaults without one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { ArcGISAuthError, Session, getDefaultSession, request, setDefaultSession } from "../../src/index.js";
import { fastSession, real } from "./support.js";

let server: SampleServer;
let previous: Session;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  previous = getDefaultSession();
});
afterAll(() => server.close());
afterEach(() => {
  setDefaultSession(previous);
  server.faults.clear();
  server.clearRequests();
});

describe("calls without a session", () => {
  it("go through the session set as default, with its fetch and retry policy", async () => {
    let fetched = 0;
    const counting: typeof fetch = (input, init) => {
      fetched++;
      return fetch(input, init);
    };
    setDefaultSession(fastSession({ fetch: counting, retry: { limit: 1 } }));
    server.faults.add({ match: /Odd\/Empty/, times: Infinity, fault: { kind: "status", status: 503 } });
    await expect(request(`${server.restUrl}/Odd/Empty/MapServer/0`)).rejects.toMatchObject({ httpStatus: 503 });
    expect(fetched).toBe(2);
    expect(real(server.requests)).toHaveLength(2);
  });

  it("carry a token added to the default session", async () => {
    const session = fastSession();
    setDefaultSession(session);
    const parcels = `${server.restUrl}/Secure/Parcels/MapServer`;
    await expect(request(parcels)).rejects.toBeInstanceOf(ArcGISAuthError);
    const issued = server.tokens.issue("arcrest");
    getDefaultSession().addToken({ value: issued.token, serverRoot: server.restUrl, expires: issued.expires });
    await expect(request(parcels)).resolves.toHaveProperty("layers");
    expect(real(server.requests).at(-1)?.body.token).toBe(issued.token);
  });

  it("use the session getDefaultSession() creates, and keep using it", () => {
    const created = getDefaultSession();
    expect(created).toBeInstanceOf(Session);
    expect(getDefaultSession()).toBe(created);
    expect(() => setDefaultSession({} as Session)).toThrow(TypeError);
  });
});
