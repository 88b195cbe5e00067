import { ArcGISAuthError, Session } from "@arcrest/core";
import type { SampleServer } from "@arcrest/sample-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArcServerAdmin, EditConflictError } from "../src/index.js";
import { getJson, setup } from "./helpers.js";

let server: SampleServer;
let admin: ArcServerAdmin;
beforeEach(async () => ({ server, admin } = await setup()));
afterEach(() => server.close());

describe("edit", () => {
  it("round-trips the whole JSON: only the edited member changes", async () => {
    const svc = await admin.service("SanFrancisco/311Incidents.MapServer");
    const before = svc.json;
    await svc.edit({ description: "Updated", properties: { maxRecordCount: "500" } });
    const after = await (await admin.service("311Incidents")).refresh();
    expect(after).toEqual({ ...before, description: "Updated", properties: { ...before.properties, maxRecordCount: "500" } });
    const posted = server.requests.find((r) => r.path.endsWith("/edit"));
    expect(posted?.method).toBe("POST");
    expect(Object.keys(JSON.parse(posted?.body.service ?? "{}") as object).length).toBeGreaterThan(10);
    expect((await getJson(`${server.restUrl}/SanFrancisco/311Incidents/MapServer`)).description).toBe("Updated");
  });

  it("a concurrent change raises the conflict error and is not overwritten", async () => {
    const mine = await admin.service("311Incidents");
    const theirs = await admin.service("311Incidents");
    await theirs.edit({ maxIdleTime: 900 });
    const error = await mine.edit({ description: "Mine" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).changedProperties).toEqual(["maxIdleTime"]);
    const now = await theirs.refresh();
    expect(now.maxIdleTime).toBe(900);
    expect(now.description).not.toBe("Mine");
    await mine.edit({ description: "Mine" }); // the conflict error refreshed the handle
    expect((await theirs.refresh()).description).toBe("Mine");
  });

  it("rejects bad edits before any request", async () => {
    const svc = await admin.service("311Incidents");
    server.clearRequests();
    await expect(svc.edit(null as never)).rejects.toMatchObject({ name: "ValidationError", parameter: "changes" });
    await expect(svc.edit({ serviceName: "Other" })).rejects.toMatchObject({ parameter: "changes.serviceName" });
    await expect(svc.enableExtensions(["NoSuchExt"])).rejects.toThrow(/FeatureServer/);
    await expect(svc.disableExtensions([])).rejects.toMatchObject({ parameter: "names" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("extensions", () => {
  it("disableExtensions(['FeatureServer']) removes the FeatureServer endpoint; enabling brings it back", async () => {
    const fsUrl = `${server.restUrl}/SanFrancisco/311Incidents/FeatureServer`;
    expect((await getJson(fsUrl)).layers).toBeDefined();
    const svc = await admin.service("311Incidents");
    expect(svc.enabledExtensions).toEqual(["FeatureServer"]);
    await svc.disableExtensions(["FeatureServer"]);
    expect(svc.enabledExtensions).toEqual([]);
    expect(svc.disabledExtensions).toContain("FeatureServer");
    expect(((await getJson(fsUrl)).error as { code: number }).code).toBe(404);
    const dir = await getJson(`${server.restUrl}/SanFrancisco`);
    expect(JSON.stringify(dir.services)).not.toContain("FeatureServer");
    await svc.enableExtensions(["FeatureServer", "KmlServer"]);
    expect(svc.enabledExtensions).toEqual(["FeatureServer", "KmlServer"]);
    expect((await getJson(fsUrl)).layers).toBeDefined();
  });

  it("setExtensionProperties changes one extension and keeps the others", async () => {
    const svc = await admin.service("311Incidents");
    const before = svc.json.extensions ?? [];
    await svc.setExtensionProperties("FeatureServer", { capabilities: "Query,Update,Delete,Editing", allowGeometryUpdates: "true" });
    const after = (await svc.refresh()).extensions ?? [];
    const fs = after.find((e) => e.typeName === "FeatureServer");
    expect(fs?.capabilities).toBe("Query,Update,Delete,Editing");
    expect(fs?.properties).toEqual({ allowGeometryUpdates: "true" });
    expect(after.filter((e) => e.typeName !== "FeatureServer")).toEqual(before.filter((e) => e.typeName !== "FeatureServer"));
  });
});

describe("permissions and folders", () => {
  it("a folder made private needs a token on the REST API, and public again does not", async () => {
    const url = `${server.restUrl}/SanFrancisco/311Incidents/MapServer`;
    expect((await getJson(url)).error).toBeUndefined();
    await admin.addPermission("SanFrancisco", { private: true });
    expect(((await getJson(url)).error as { code: number }).code).toBe(499);
    expect(((await getJson(`${server.restUrl}/SanFrancisco`)).error as { code: number }).code).toBe(499);
    expect((await getJson(url, server.tokens.issue("arcrest").token)).layers).toBeDefined();
    expect(await admin.permissions("SanFrancisco")).toEqual([{ principal: "esriEveryone", permission: { isAllowed: false } }]);
    await admin.folder("SanFrancisco").addPermission({ private: false });
    expect((await getJson(url)).error).toBeUndefined();
  });

  it("grants a principal on a service", async () => {
    await admin.addPermission("311Incidents", { principal: "viewers", allowed: false });
    expect(await admin.permissions("SanFrancisco/311Incidents.MapServer")).toEqual([{ principal: "viewers", permission: { isAllowed: false } }]);
    await expect(admin.addPermission("SanFrancisco", null as never)).rejects.toMatchObject({ parameter: "spec" });
  });

  it("creates and deletes folders; a missing folder lists the folders", async () => {
    await admin.createFolder("New", { description: "made by a test" });
    expect(await admin.folders()).toContain("New");
    expect((await getJson(`${server.restUrl}/New`)).services).toEqual([]);
    await admin.deleteFolder("New");
    expect(await admin.folders()).not.toContain("New");
    await expect(admin.deleteFolder("New")).rejects.toMatchObject({ name: "FolderNotFoundError" });
    await expect(admin.createFolder("bad/name")).rejects.toMatchObject({ name: "AdminError" });
    const error = await admin.createFolder("Odd").catch((e: unknown) => e);
    expect((error as { messages: string[] }).messages[0]).toMatch(/already exists/);
  });

  it("an admin call with an expired admin token and no credentials is an auth error", async () => {
    const session = new Session({ retry: { limit: 0 } });
    const gen = await fetch(`${server.adminUrl}/generateToken`, { method: "POST", body: new URLSearchParams({ username: "arcrest", password: "arcrest-pass", f: "json", expiration: "0.0001" }) });
    const { token } = (await gen.json()) as { token: string };
    await new Promise((r) => setTimeout(r, 50));
    session.addToken({ value: token, serverRoot: server.adminUrl });
    await expect(ArcServerAdmin.connect(server.adminUrl, { session })).rejects.toBeInstanceOf(ArcGISAuthError);
  });
});
