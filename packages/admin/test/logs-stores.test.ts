import type { SampleServer } from "@arcrest/sample-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ArcServerAdmin, type LogMessage, queryLogs } from "../src/index.js";
import { setup } from "./helpers.js";

let server: SampleServer;
let admin: ArcServerAdmin;
beforeEach(async () => ({ server, admin } = await setup()));
afterEach(() => server.close());

const logRequests = (): number => server.requests.filter((r) => r.path.endsWith("/logs/query")).length;

describe("queryLogs", () => {
  it("returns each of the 2,400 entries exactly once, newest first, over many pages", async () => {
    const seen: LogMessage[] = [];
    for await (const log of admin.queryLogs({ level: "DEBUG", pageSize: 250 })) seen.push(log);
    expect(seen.length).toBe(2400);
    expect(new Set(seen.map((l) => l.message)).size).toBe(2400);
    for (let i = 1; i < seen.length; i++) expect(seen[i].time).toBeLessThan(seen[i - 1].time);
    expect(logRequests()).toBe(10); // 2400 / 250 plus the repeated boundary entries
  });

  it("filters by level, time window and source", async () => {
    const all: LogMessage[] = [];
    for await (const log of admin.queryLogs({ level: "SEVERE" })) all.push(log);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((l) => l.type === "SEVERE")).toBe(true);
    const newest = Date.UTC(2026, 0, 1);
    const windowed: LogMessage[] = [];
    for await (const log of admin.queryLogs({ level: "DEBUG", startTime: new Date(newest - 10_000), endTime: newest - 19_000, pageSize: 3 })) windowed.push(log);
    expect(windowed.map((l) => l.time)).toEqual(Array.from({ length: 10 }, (_, i) => newest - 10_000 - i * 1000));
    const source: LogMessage[] = [];
    for await (const log of admin.queryLogs({ level: "DEBUG", sources: ["ahps_gauges.MapServer"] })) source.push(log);
    expect(source.length).toBeGreaterThan(0);
    expect(source.every((l) => l.source === "ahps_gauges.MapServer")).toBe(true);
  });

  it("an early break sends no further request", async () => {
    server.clearRequests();
    let n = 0;
    for await (const log of queryLogs(admin.url, { session: admin.session, level: "DEBUG", pageSize: 100 })) {
      void log;
      if (++n === 150) break;
    }
    expect(logRequests()).toBe(2);
  });

  it("stops on an AbortSignal with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("enough");
    let n = 0;
    const run = (async () => {
      for await (const log of admin.queryLogs({ level: "DEBUG", pageSize: 100, signal: controller.signal })) {
        void log;
        if (++n === 100) controller.abort(reason);
      }
    })();
    await expect(run).rejects.toBe(reason);
    expect(n).toBe(100);
    expect(logRequests()).toBe(1);
  });

  it("rejects bad input before any request", async () => {
    server.clearRequests();
    const drain = async (o: Parameters<ArcServerAdmin["queryLogs"]>[0]): Promise<void> => {
      for await (const l of admin.queryLogs(o)) void l;
    };
    await expect(drain({ pageSize: 0 })).rejects.toMatchObject({ parameter: "pageSize" });
    await expect(drain({ startTime: Number.NaN })).rejects.toMatchObject({ parameter: "startTime" });
    expect(logRequests()).toBe(0);
    await expect(drain({ level: "LOUD" })).rejects.toMatchObject({ name: "AdminError", messages: ["Invalid log level 'LOUD'."] });
  });
});

describe("role and user stores", () => {
  it("adds a role, its users, lists and removes them", async () => {
    const { roleStore, userStore } = admin;
    await roleStore.addRole("editors", { description: "Can edit" });
    const roles = await roleStore.roles({ pageSize: 1 });
    expect(roles.map((r) => r.rolename)).toEqual(["editors", "viewers"]);
    expect(server.requests.filter((r) => r.path.endsWith("/getRoles")).length).toBe(2);
    expect((await roleStore.searchRoles({ filter: "edit" })).map((r) => r.rolename)).toEqual(["editors"]);
    await roleStore.addUsersToRole("editors", ["user01", "user02"]);
    expect(await roleStore.usersWithinRole("editors")).toEqual(["user01", "user02"]);
    expect(await userStore.privilegeForUser("user01")).toBe("PUBLISH");
    await roleStore.removeUsersFromRole("editors", ["user01"]);
    expect(await roleStore.usersWithinRole("editors")).toEqual(["user02"]);
    await roleStore.removeRole("editors");
    expect((await roleStore.roles()).map((r) => r.rolename)).toEqual(["viewers"]);
    await expect(roleStore.removeRole("editors")).rejects.toMatchObject({ name: "AdminError" });
    await expect(roleStore.addUsersToRole("viewers", [])).rejects.toMatchObject({ parameter: "users" });
  });

  it("adds, searches, assigns and removes users; the password never leaves the POST body", async () => {
    const { userStore } = admin;
    await userStore.addUser("domain\\someuser", "s3cret-pass", { fullname: "Some User", email: "s@example.com" });
    const add = server.requests.find((r) => r.path.endsWith("/users/add"));
    expect(add?.method).toBe("POST");
    expect(JSON.stringify(add?.query)).not.toContain("s3cret-pass");
    expect((await userStore.searchUsers({ filter: "someuser" })).map((u) => u.username)).toEqual(["domain\\someuser"]);
    await userStore.assignRoles("domain\\someuser", ["viewers"]);
    expect(await admin.roleStore.usersWithinRole("viewers")).toEqual(["domain\\someuser"]);
    await userStore.removeRoles("domain\\someuser", ["viewers"]);
    expect(await admin.roleStore.usersWithinRole("viewers")).toEqual([]);
    expect(await userStore.count()).toBe(14);
    expect(await userStore.privilegeForUser("arcrest")).toBe("ADMINISTER");
    const dup = await userStore.addUser("domain\\someuser", "other-pass-9").catch((e: unknown) => e);
    expect(JSON.stringify(dup) + String(dup)).not.toContain("other-pass-9");
    await userStore.removeUser("domain\\someuser");
    expect(await userStore.searchUsers({ filter: "someuser" })).toEqual([]);
    await expect(userStore.addUser("x", "")).rejects.toMatchObject({ parameter: "password" });
  });

  it("searchUsers sends maxCount; without it every match comes back, through the paged listing when needed", async () => {
    const { userStore } = admin;
    expect(await userStore.searchUsers({ filter: "user", maxCount: 3 })).toHaveLength(3);
    expect(server.requests.at(-1)?.body.maxCount).toBe("3");
    server.clearRequests();
    const all = await userStore.users({ pageSize: 5 });
    expect(all.length).toBe(13);
    expect(server.requests.filter((r) => r.path.endsWith("/getUsers")).length).toBe(3);
    expect((await userStore.searchUsers({ filter: "user" })).length).toBe(12);
  });
});

describe("data store and site information", () => {
  it("lists, finds, validates, registers and unregisters items", async () => {
    const items = [];
    for await (const item of admin.dataStore.items()) items.push(item.path);
    expect(items).toEqual(["/fileShares/sample_data", "/enterpriseDatabases/gisdb"]);
    const item = { path: "/fileShares/new_share", type: "folder", info: { path: "/data/new" } };
    await admin.dataStore.validate(item);
    const registered = await admin.dataStore.register(item);
    expect(registered.path).toBe(item.path);
    expect((await admin.dataStore.findItems("/fileShares")).map((i) => i.path)).toContain(item.path);
    await expect(admin.dataStore.register(item)).rejects.toMatchObject({ name: "AdminError" });
    await admin.dataStore.unregister(item.path);
    expect((await admin.dataStore.findItems("/fileShares")).map((i) => i.path)).not.toContain(item.path);
    await expect(admin.dataStore.register({ path: "", type: "folder" })).rejects.toMatchObject({ parameter: "item.path" });
  });

  it("machines, clusters, security config and log settings", async () => {
    expect((await admin.machines())[0].machineName).toBe("SAMPLEMACHINE.LOCAL");
    expect((await admin.clusters())[0].machineNames).toEqual(["SAMPLEMACHINE.LOCAL"]);
    expect((await admin.securityConfig()).authenticationTier).toBe("GIS_SERVER");
    expect((await admin.logSettings()).logLevel).toBe("WARNING");
  });
});
