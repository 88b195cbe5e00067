import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";

let server: SampleServer;
beforeEach(async () => {
  server = await startSampleServer({ port: 0 });
});
afterEach(() => server.close());

async function post(path: string, fields: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.adminUrl}${path}`, { method: "POST", body: new URLSearchParams({ f: "json", ...fields }) });
  return (await response.json()) as Record<string, unknown>;
}

async function adminToken(): Promise<string> {
  return (await post("/generateToken", { username: "arcrest", password: "arcrest-pass" })).token as string;
}

describe("/arcgis/admin", () => {
  it("needs an admin token (Administrator API error shape); a REST token is refused", async () => {
    expect(await post("/services", {})).toEqual({ status: "error", messages: [expect.stringContaining("Token not found")], code: 499 });
    expect(await post("/services", { token: server.tokens.issue("arcrest").token })).toMatchObject({ status: "error", code: 498 });
    expect(await post("/generateToken", { username: "arcrest", password: "nope" })).toMatchObject({ status: "error", code: 400 });
    const token = await adminToken();
    const root = await post("/services", { token });
    expect(root.folderName).toBe("/");
    expect(root.folders).toEqual(["Boundaries", "Elevation", "Imagery", "Odd", "SanFrancisco", "Secure"]);
    // An admin token is not a REST token either.
    const rest = await fetch(`${server.restUrl}/Secure?f=json&token=${token}`);
    expect(((await rest.json()) as { error: { code: number } }).error.code).toBe(498);
  });

  it("a stopped service answers its REST URLs (also the FeatureServer) with ArcGIS' 'not started' error", async () => {
    const token = await adminToken();
    expect(await post("/services/SanFrancisco/311Incidents.MapServer/stop", { token })).toEqual({ status: "success" });
    for (const type of ["MapServer", "FeatureServer"]) {
      const body = (await (await fetch(`${server.restUrl}/SanFrancisco/311Incidents/${type}/0?f=json`)).json()) as Record<string, unknown>;
      expect(body).toEqual({ error: { code: 500, message: "Service SanFrancisco/311Incidents/MapServer not started ", details: [] } });
    }
    expect(await post("/services/SanFrancisco/311Incidents.MapServer/status", { token })).toEqual({ configuredState: "STOPPED", realTimeState: "STOPPED" });
  });

  it("log pages run newest first and the next page starts at the previous page's end time", async () => {
    const token = await adminToken();
    const first = (await post("/logs/query", { token, level: "DEBUG", pageSize: "10" })) as { hasMore: boolean; endTime: number; logMessages: { time: number }[] };
    expect(first.hasMore).toBe(true);
    expect(first.logMessages).toHaveLength(10);
    expect(first.endTime).toBe(first.logMessages[9].time);
    const second = (await post("/logs/query", { token, level: "DEBUG", pageSize: "10", startTime: String(first.endTime) })) as typeof first;
    expect(second.logMessages[0].time).toBe(first.endTime);
  });

  it("the fault injector applies to admin requests", async () => {
    const token = await adminToken();
    server.faults.add({ match: /\/arcgis\/admin\/machines/, fault: { kind: "status", status: 503 } });
    const response = await fetch(`${server.adminUrl}/machines?f=json`, { method: "POST", body: new URLSearchParams({ token }) });
    expect(response.status).toBe(503);
  });
});
