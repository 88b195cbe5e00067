/**
 * The request pipeline over real HTTP against the sample server: serialisation, GET/POST,
 * typed errors, retries, timeouts, abort, concurrency, raw responses and proxies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import {
  ArcGISNetworkError,
  ArcGISRequestError,
  ArcGISTimeoutError,
  Session,
  ValidationError,
  request,
} from "../../src/index.js";
import { fastSession, real, startProxy } from "./support.js";

let server: SampleServer;
let layer: string;
let empty: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  layer = `${server.restUrl}/ahps_gauges/MapServer/0`;
  empty = `${server.restUrl}/Odd/Empty/MapServer/0`;
});
afterAll(() => server.close());
afterEach(() => {
  server.faults.clear();
  server.clearRequests();
});

describe("parameters", () => {
  it("serialises ArcGIS-style and adds f=json", async () => {
    const result = await request<{ features: unknown[] }>(`${layer}/query`, {
      session: fastSession(),
      params: {
        where: "state = 'CA'",
        outFields: ["gaugelid", "state"],
        returnGeometry: false,
        objectIds: [1, 2, 3],
        geometry: { xmin: -180, ymin: -90, xmax: 180, ymax: 90, spatialReference: { wkid: 4326 } },
        geometryType: "esriGeometryEnvelope",
        time: new Date(1_600_000_000_000),
        resultRecordCount: 2,
        skipped: null,
        alsoSkipped: undefined,
      },
    });
    expect(Array.isArray(result.features)).toBe(true);
    const [sent] = real(server.requests);
    expect(sent.method).toBe("GET");
    expect(sent.query).toEqual({
      f: "json",
      where: "state = 'CA'",
      outFields: "gaugelid,state",
      returnGeometry: "false",
      objectIds: "1,2,3",
      geometry: '{"xmin":-180,"ymin":-90,"xmax":180,"ymax":90,"spatialReference":{"wkid":4326}}',
      geometryType: "esriGeometryEnvelope",
      time: "1600000000000",
      resultRecordCount: "2",
    });
  });

  it("lets the caller choose f and keeps query parameters of the URL", async () => {
    const raw = await request(`${server.restUrl}?f=pjson&extra=1`, { session: fastSession(), rawResponse: true });
    expect(await raw.text()).toMatch(/\n {2}"/);
    expect(real(server.requests)[0].query).toEqual({ f: "pjson", extra: "1" });
  });

  it("rejects bad input before sending anything", async () => {
    await expect(request("not a url")).rejects.toThrow(ValidationError);
    await expect(request(layer, { params: { resultOffset: Number.NaN } })).rejects.toThrow(/params\.resultOffset/);
    await expect(request(layer, { kind: "delete" as never })).rejects.toThrow(/kind/);
    expect(real(server.requests)).toHaveLength(0);
  });
});

describe("GET or POST", () => {
  it("uses GET below 2,000 characters and POST above, with the parameters in the body", async () => {
    const session = fastSession();
    const short = "1=1";
    const long = `objectid NOT IN (${Array.from({ length: 500 }, (_, i) => i + 100000).join(",")})`;
    await request(`${layer}/query`, { session, params: { where: short, returnCountOnly: true } });
    const count = await request<{ count: number }>(`${layer}/query`, { session, params: { where: long, returnCountOnly: true } });
    expect(count.count).toBeGreaterThan(0);
    const [get, post] = real(server.requests);
    expect(get.method).toBe("GET");
    expect(get.query.where).toBe(short);
    expect(post.method).toBe("POST");
    expect(post.query).toEqual({});
    expect(post.body).toMatchObject({ f: "json", where: long, returnCountOnly: "true" });
  });

  it("honours a forced method", async () => {
    await request(server.restUrl, { session: fastSession(), httpMethod: "POST" });
    expect(real(server.requests)[0]).toMatchObject({ method: "POST", body: { f: "json" } });
  });
});

describe("multipart", () => {
  it("sends binary parameters as multipart/form-data", async () => {
    const file = new File([new Uint8Array([137, 80, 78, 71])], "python.png", { type: "image/png" });
    await request(`${layer}/query`, { session: fastSession(), params: { where: "1=1", returnCountOnly: true, attachment: file } });
    const [sent] = real(server.requests);
    expect(sent.method).toBe("POST");
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.body).toEqual({ f: "json", where: "1=1", returnCountOnly: "true", attachment: "python.png" });
    expect(sent.query).toEqual({});
  });

  it("sends multipart when asked, also without binary parameters", async () => {
    await request(`${layer}/query`, { session: fastSession(), multipart: true, params: { where: "1=1", returnCountOnly: true } });
    expect(real(server.requests)[0].headers["content-type"]).toMatch(/^multipart\/form-data/);
  });
});

describe("errors", () => {
  it("turns an error inside HTTP 200 into a typed error with code, details and response", async () => {
    server.faults.add({ match: /MapServer\/0\?/, fault: { kind: "error-in-200", code: 400, message: "Invalid or missing input parameters." } });
    const error = await request(layer, { session: fastSession() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect(error).toMatchObject({
      code: 400,
      message: "Invalid or missing input parameters.",
      details: [],
      httpStatus: 200,
      url: `${layer}?f=json`,
      method: "GET",
      response: { error: { code: 400, message: "Invalid or missing input parameters.", details: [] } },
    });
    // Not retried: an error body is the server's answer, not a transient fault.
    expect(real(server.requests)).toHaveLength(1);
  });

  it("retries a read whose HTTP 200 body carries a transient code (500/503), as busy servers answer", async () => {
    server.faults.add({ match: /MapServer\/0\?/, times: 2, fault: { kind: "error-in-200", code: 503, message: "Service busy." } });
    const info = await request<{ name: string }>(layer, { session: fastSession() });
    expect(info.name).toBe("observed_river_stages");
    expect(real(server.requests)).toHaveLength(3);
  });

  it("never retries a write whose HTTP 200 body carries a transient code", async () => {
    server.faults.add({ match: /MapServer\/0\?/, fault: { kind: "error-in-200", code: 500, message: "Error performing query operation." } });
    const error = await request(layer, { session: fastSession(), kind: "write" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 500, httpStatus: 200 });
    expect(real(server.requests)).toHaveLength(1);
  });

  it("turns the server's own error answers into typed errors", async () => {
    const error = await request(`${server.restUrl}/NoSuchService/MapServer`, { session: fastSession() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect((error as ArcGISRequestError).code).toBeGreaterThanOrEqual(400);
  });

  it("turns an HTML 500 page into a typed error after the retries", async () => {
    server.faults.add({ match: /Odd\/Empty/, times: Infinity, fault: { kind: "status", status: 500 } });
    const error = await request(empty, { session: fastSession({ retry: { limit: 2 } }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect(error).toMatchObject({ code: 500, httpStatus: 500, url: `${empty}?f=json` });
    expect((error as Error).message).toMatch(/500 Internal Server Error/);
    expect(typeof (error as ArcGISRequestError).response).toBe("string");
    expect(real(server.requests)).toHaveLength(3);
  });
});

describe("retries", () => {
  it("waits for Retry-After after a 429 before retrying", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "rate-limit", retryAfterSeconds: 1 } });
    const info = await request<{ name: string }>(empty, { session: fastSession() });
    expect(info.name).toBeTruthy();
    const [first, second] = real(server.requests);
    expect(second.time - first.time).toBeGreaterThanOrEqual(950);
    expect(second.time - first.time).toBeLessThan(3000);
  });

  it("gives up when Retry-After exceeds the policy's maxRetryAfterMs", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "rate-limit", retryAfterSeconds: 120 } });
    const error = await request(empty, { session: fastSession() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 429 });
    expect(real(server.requests)).toHaveLength(1);
  });

  it("retries 503 on reads, also when they are POSTs, with growing delays", async () => {
    server.faults.add({ match: /Odd\/Empty/, times: 3, fault: { kind: "status", status: 503 } });
    const session = new Session({ retry: { baseDelayMs: 40, maxDelayMs: 1000 } });
    await request(empty, { session, httpMethod: "POST" });
    const sent = real(server.requests);
    expect(sent.map((r) => r.method)).toEqual(["POST", "POST", "POST", "POST"]);
    const gaps = sent.slice(1).map((r, i) => r.time - sent[i].time);
    // Equal jitter: each delay lies in [d/2, d] with d = 40, 80, 160 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
  });

  it("stops after the policy's limit", async () => {
    server.faults.add({ match: /Odd\/Empty/, times: Infinity, fault: { kind: "status", status: 503 } });
    await expect(request(empty, { session: fastSession({ retry: { limit: 1 } }) })).rejects.toMatchObject({ httpStatus: 503 });
    expect(real(server.requests)).toHaveLength(2);
  });

  it("retries a cut connection on reads", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "cut" } });
    await request(empty, { session: fastSession() });
    expect(real(server.requests)).toHaveLength(2);
  });

  it("never retries a write, whatever the fault", async () => {
    const addFeatures = `${server.restUrl}/SanFrancisco/311Incidents/FeatureServer/0/addFeatures`;
    const params = { features: [{ attributes: { req_type: "Graffiti" } }] };
    server.faults.add({ match: /addFeatures/, fault: { kind: "status", status: 503 } });
    await expect(request(addFeatures, { session: fastSession(), kind: "write", params })).rejects.toMatchObject({ httpStatus: 503 });
    expect(real(server.requests)).toHaveLength(1);

    server.clearRequests();
    server.faults.add({ match: /addFeatures/, fault: { kind: "drop-after-apply" } });
    await expect(request(addFeatures, { session: fastSession(), kind: "write", params })).rejects.toBeInstanceOf(ArcGISNetworkError);
    expect(real(server.requests)).toHaveLength(1);

    server.clearRequests();
    server.faults.add({ match: /addFeatures/, fault: { kind: "rate-limit", retryAfterSeconds: 0 } });
    await expect(request(addFeatures, { session: fastSession(), kind: "write", params })).rejects.toMatchObject({ httpStatus: 429 });
    expect(real(server.requests)).toHaveLength(1);
  });

  it("does not retry 4xx other than 429", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "status", status: 404 } });
    await expect(request(empty, { session: fastSession() })).rejects.toMatchObject({ httpStatus: 404, code: 404 });
    expect(real(server.requests)).toHaveLength(1);
  });
});

describe("timeouts and abort", () => {
  it("fails an attempt that takes longer than the timeout", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "delay", ms: 1000 } });
    // Had the timeout not fired, the delayed answer (a success) would arrive instead of the error.
    const error = await request(empty, { session: fastSession(), timeout: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, url: `${empty}?f=json` });
  });

  it("retries timed-out reads when the policy says so", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "delay", ms: 1000 } });
    await request(empty, { session: fastSession({ retry: { retryOnTimeout: true } }), timeout: 100 });
    expect(real(server.requests)).toHaveLength(2);
  });

  it("rejects with the signal's reason when aborted in flight", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "delay", ms: 1000 } });
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    setTimeout(() => controller.abort(reason), 50);
    await expect(request(empty, { session: fastSession(), signal: controller.signal })).rejects.toBe(reason);
  });

  it("rejects with an AbortError when aborted during a backoff", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "rate-limit", retryAfterSeconds: 5 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    // Without the abort the retry after 5 s would succeed (the fault answers once).
    const error = await request(empty, { session: fastSession(), signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(real(server.requests)).toHaveLength(1);
  });

  it("does not start when the signal is already aborted", async () => {
    await expect(request(empty, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(real(server.requests)).toHaveLength(0);
  });
});

describe("concurrency", () => {
  /** A session whose fetch counts the requests it has in flight at once (a counter, not a clock). */
  function countingSession(concurrency?: number): { session: ReturnType<typeof fastSession>; peak: () => number } {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    return { session: fastSession({ fetch: counting, ...(concurrency !== undefined ? { concurrency } : {}) }), peak: () => peak };
  }

  it("keeps at most `concurrency` requests in flight per origin", async () => {
    server.faults.add({ match: /Odd\/Empty/, times: Infinity, fault: { kind: "delay", ms: 150 } });
    const { session, peak } = countingSession(2);
    await Promise.all(Array.from({ length: 6 }, () => request(empty, { session })));
    expect(real(server.requests)).toHaveLength(6);
    expect(peak()).toBe(2);
  });

  it("defaults to 6 at once", async () => {
    server.faults.add({ match: /Odd\/Empty/, times: Infinity, fault: { kind: "delay", ms: 250 } });
    const { session, peak } = countingSession();
    await Promise.all(Array.from({ length: 8 }, () => request(empty, { session })));
    expect(real(server.requests)).toHaveLength(8);
    expect(peak()).toBe(6);
  });
});

describe("raw responses", () => {
  it("returns the Response for binary or custom formats", async () => {
    const response = await request(`${server.restUrl}/ahps_gauges/MapServer`, {
      session: fastSession(),
      params: { f: "pjson" },
      rawResponse: true,
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toHaveProperty("layers");
  });

  it("still detects an ArcGIS error body in place of a download", async () => {
    server.faults.add({ match: /Odd\/Empty/, fault: { kind: "error-in-200", code: 400, message: "Unable to export." } });
    const error = await request(empty, { session: fastSession(), params: { f: "image" }, rawResponse: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect(error).toMatchObject({ code: 400, message: "Unable to export." });
  });
});

describe("proxy", () => {
  it("sends requests as proxy?target", async () => {
    const proxy = await startProxy();
    try {
      const session = fastSession({ proxy: proxy.url });
      const info = await request<{ folders: string[] }>(server.restUrl, { session });
      expect(info.folders).toContain("Secure");
      expect(proxy.requests.map((r) => r.url)).toEqual([`/proxy.ashx?${server.restUrl}?f=json`]);
      expect(real(server.requests)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it("names the proxy when the proxy cannot be reached", async () => {
    const session = fastSession({ proxy: "http://127.0.0.1:1/proxy.ashx", retry: { limit: 0 } });
    const error = await request(server.restUrl, { session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISNetworkError);
    expect((error as Error).message).toContain(`Could not reach ${server.restUrl}`);
    expect((error as Error).message).toContain("through the proxy http://127.0.0.1:1/proxy.ashx");
  });
});
