import { ArcGISAuthError, Session } from "@arcrest/core";
import { startResourceProxy, type SampleServer } from "@arcrest/sample-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AmbiguousServiceError, type ArcServerAdmin, ArcServerAdmin as Admin, FolderNotFoundError, ServiceNotFoundError } from "../src/index.js";
import { ADMIN, getJson, setup } from "./helpers.js";

let server: SampleServer;
let admin: ArcServerAdmin;
beforeEach(async () => ({ server, admin } = await setup()));
afterEach(() => server.close());

describe("connect", () => {
  it("signs in with username and password through /admin/generateToken, token in the body", async () => {
    const a = await Admin.connect(server.adminUrl, ADMIN);
    expect(await a.folders()).toContain("/");
    const tokenRequest = server.requests.find((r) => r.path.endsWith("/admin/generateToken"));
    expect(tokenRequest?.method).toBe("POST");
    for (const r of server.requests) {
      expect(JSON.stringify(r.query)).not.toContain("arcrest-pass");
      expect(r.query.token).toBeUndefined();
    }
  });

  it("uses an existing admin token, and refuses a REST token", async () => {
    const gen = await fetch(`${server.adminUrl}/generateToken`, { method: "POST", body: new URLSearchParams({ ...ADMIN, f: "json" }) });
    const { token } = (await gen.json()) as { token: string };
    const a = await Admin.connect(server.adminUrl, { token });
    expect((await a.folders()).length).toBeGreaterThan(1);
    const holder = new Session();
    holder.addToken({ value: token, serverRoot: server.url + "/arcgis" }); // obtained elsewhere (e.g. through a portal)
    const viaSession = await Admin.connect(server.adminUrl, { session: holder });
    expect((await viaSession.service("311")).path).toBe("SanFrancisco/311Incidents.MapServer");
    const rest = server.tokens.issue("arcrest");
    const session = new Session({ url: server.adminUrl, token: rest.token, retry: { limit: 0 } });
    await expect(Admin.connect(server.adminUrl, { session })).rejects.toBeInstanceOf(ArcGISAuthError);
  });

  it("sends every admin request, sign-in included, through a resource proxy, token never in a URL", async () => {
    const proxy = await startResourceProxy();
    server.clearRequests();
    try {
      const a = await Admin.connect(server.adminUrl, ADMIN, { proxy: proxy.url });
      expect(await a.folders()).toContain("/");
      const proxied = proxy.requests.map((r) => r.url);
      expect(proxied.some((u) => u.endsWith("/admin/generateToken"))).toBe(true);
      expect(proxied.some((u) => /\/admin\/services(\?|$)/.test(u))).toBe(true);
      expect(proxy.requests.length).toBe(server.requests.filter((r) => r.method !== "OPTIONS").length);
      for (const r of proxy.requests) expect(r.url).not.toMatch(/token=|arcrest-pass/);
      await expect(Admin.connect(server.adminUrl, ADMIN, { proxy: "not a url" })).rejects.toMatchObject({ name: "ValidationError", parameter: "proxy" });
    } finally {
      await proxy.close();
    }
  });

  it("a wrong password is an auth error that does not contain the password", async () => {
    const error = await Admin.connect(server.adminUrl, { username: "arcrest", password: "wrong-secret-pw" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message) + JSON.stringify(error)).not.toContain("wrong-secret-pw");
  });

  it("rejects bad input before any request", async () => {
    server.clearRequests();
    await expect(Admin.connect("not a url", ADMIN)).rejects.toMatchObject({ name: "ValidationError", parameter: "adminUrl" });
    await expect(Admin.connect(server.adminUrl, {} as never)).rejects.toMatchObject({ name: "ValidationError", parameter: "auth" });
    await expect(Admin.connect(server.adminUrl, { username: "arcrest", password: "" })).rejects.toMatchObject({ parameter: "password" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("folders and services", () => {
  it("lists folders and every service with its state", async () => {
    const folders = await admin.folders();
    expect(folders).toEqual(["/", "Boundaries", "Elevation", "Imagery", "Odd", "SanFrancisco", "Secure"]);
    const listed = [];
    for await (const s of admin.services()) listed.push(`${s.folderName}/${s.serviceName}.${s.type}:${s.configuredState}`);
    expect(listed.length).toBe(server.dataset.services.length);
    expect(listed).toContain("SanFrancisco/311Incidents.MapServer:STARTED");
    const inFolder = [];
    for await (const s of admin.folder("SanFrancisco").services()) inFolder.push(s.serviceName);
    expect(inFolder).toEqual(server.dataset.services.filter((s) => s.name.startsWith("SanFrancisco/")).map((s) => s.name.split("/")[1]));
  });

  it("a missing folder is a typed error listing the folders", async () => {
    const error = await (async () => {
      for await (const s of admin.services({ folder: "Nope" })) void s;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolderNotFoundError);
    expect((error as FolderNotFoundError).available).toContain("SanFrancisco");
  });

  it("finds a service by partial name, wildcard or full path; unknown and ambiguous names list what exists", async () => {
    expect((await admin.service("311")).path).toBe("SanFrancisco/311Incidents.MapServer");
    expect((await admin.service("311*")).path).toBe("SanFrancisco/311Incidents.MapServer");
    expect((await admin.service("Boundaries/Districts.MapServer")).path).toBe("Boundaries/Districts.MapServer");
    const missing = await admin.service("NoSuchThing").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ServiceNotFoundError);
    expect((missing as ServiceNotFoundError).available).toContain("SanFrancisco/311Incidents.MapServer");
    const ambiguous = await admin.service("Odd/*").catch((e: unknown) => e);
    expect(ambiguous).toBeInstanceOf(AmbiguousServiceError);
    expect((ambiguous as AmbiguousServiceError).matches.length).toBeGreaterThan(1);
    await expect(admin.service("")).rejects.toMatchObject({ name: "ValidationError", parameter: "name" });
  });
});

describe("start and stop", () => {
  it("stop → the REST endpoint is unavailable → start → it answers", async () => {
    const svc = await admin.service("311Incidents");
    const restUrl = `${server.restUrl}/SanFrancisco/311Incidents/MapServer`;
    expect((await getJson(restUrl)).error).toBeUndefined();
    await svc.stop();
    expect(await svc.status()).toEqual({ configuredState: "STOPPED", realTimeState: "STOPPED" });
    const stopped = (await getJson(restUrl)).error as { code: number; message: string };
    expect(stopped.code).toBe(500);
    expect(stopped.message).toMatch(/not started/);
    const dir = await getJson(`${server.restUrl}/SanFrancisco`);
    expect(JSON.stringify(dir.services)).not.toContain("311Incidents");
    await svc.start();
    expect((await svc.status()).realTimeState).toBe("STARTED");
    expect((await getJson(restUrl)).layers).toBeDefined();
    await svc.restart();
    expect((await svc.status()).realTimeState).toBe("STARTED");
  });

  it("batch stop over a folder reports each service; one failure hides none of the others", async () => {
    const folder = server.dataset.services.filter((s) => s.name.startsWith("Odd/"));
    expect(folder.length).toBeGreaterThan(1);
    const failing = `${folder[1].name}.${folder[1].type}`;
    server.faults.add({ match: new RegExp(`/admin/services/${folder[1].name.replace("/", "/")}\\.${folder[1].type}/stop`), fault: { kind: "error-in-200", code: 500, message: "busy" } });
    const results = await admin.stopServices({ folder: "Odd" });
    expect(results.map((r) => r.service)).toEqual(folder.map((s) => `${s.name}.${s.type}`));
    expect(results.filter((r) => !r.ok).map((r) => r.service)).toEqual([failing]);
    expect(results.find((r) => !r.ok)?.error?.message).toMatch(/busy/);
    expect(folder.map((s) => s.started !== false)).toEqual(folder.map((s) => `${s.name}.${s.type}` === failing));
    const progress: Array<{ done: number; total?: number }> = [];
    const started = await admin.startServices({ folder: "Odd", onProgress: (p) => progress.push(p) });
    expect(started.every((r) => r.ok)).toBe(true);
    expect(progress).toEqual([0, ...folder.map((_, i) => i + 1)].map((done) => ({ done, total: folder.length })));
    expect(folder.every((s) => s.started !== false)).toBe(true);
    await expect(admin.stopServices({ folder: "Nope" })).rejects.toBeInstanceOf(FolderNotFoundError);
  });
});
