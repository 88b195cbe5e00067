import { ValidationError } from "@arcrest/core";
import { beforeAll, describe, expect, it } from "vitest";
import { ItemNotFoundError, ItemShareError, Portal, getItem } from "../src/index.js";
import { PASSWORD, USER, collect, newSession, useSampleServer } from "./support.js";

const ctx = useSampleServer();
let portal: Portal;

beforeAll(async () => {
  portal = await Portal.connect(`${ctx.portalUrl}/home`, { username: USER, password: PASSWORD, session: newSession() });
});

describe("reading items", () => {
  it("reads an item, its JSON data, its text data and its resources", async () => {
    const [webMap] = await collect(portal.searchItems({ q: 'type:"Web Map"', pageSize: 1 })).then((all) => all.slice(0, 1));
    const item = await portal.item(webMap.id);
    expect(item.title).toBe(webMap.title);
    const data = (await item.data()) as { operationalLayers: unknown[] };
    expect(Array.isArray(data.operationalLayers)).toBe(true);
    const [csv] = (await collect(portal.searchItems({ q: "type:CSV", pageSize: 5 }))).slice(0, 1);
    expect(await csv.data()).toMatch(/^id,name\n/);
    const [service] = (await collect(portal.searchItems({ q: 'type:"Feature Service"' }))).slice(0, 1);
    expect(await service.data()).toBeUndefined();
    const withResources = (await collect(portal.searchItems({ q: "tags:sample", pageSize: 100 }))).find((i) => i.title.endsWith(" 000"));
    expect((await withResources!.resources({ pageSize: 1 })).map((r) => r.resource)).toEqual(["notes.txt", "images/thumb.png"]);
  });

  it("refuses an id that is not 32 hex characters before any request, and types an unknown item", async () => {
    const from = ctx.server.requests.length;
    for (const bad of ["abc", "0123456789abcdef0123456789abcdeg", "0123456789abcdef0123456789abcdef0", ""]) {
      await expect(portal.item(bad)).rejects.toThrow(ValidationError);
    }
    expect(ctx.server.requests.length).toBe(from);
    const unknown = "0123456789abcdef0123456789abcdef";
    const error = await getItem(ctx.restUrl, unknown, { session: portal.session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemNotFoundError);
    expect((error as ItemNotFoundError).itemId).toBe(unknown);
    await expect(portal.item(unknown)).rejects.toThrow(ItemNotFoundError);
  });
});

describe("changing items", () => {
  it("adds an item to a folder by title, reads back its data, updates, moves, shares and deletes it", async () => {
    const item = await portal.addItem(
      { title: "River gauges export", type: "CSV", tags: ["gauges", "test"], snippet: "first", data: { rows: [1, 2, 3] } },
      { folder: "Projects" },
    );
    expect(item.id).toMatch(/^[0-9a-f]{32}$/);
    expect(item.owner).toBe(USER);
    expect(item.access).toBe("private");
    expect(item.info.tags).toEqual(["gauges", "test"]);
    const projects = item.info.ownerFolder;
    expect(projects).toMatch(/^[0-9a-f]{32}$/);
    expect(await item.data()).toEqual({ rows: [1, 2, 3] });

    await item.update({ snippet: "second", tags: ["gauges"] });
    expect(item.info.snippet).toBe("second");
    expect((await portal.item(item.id)).info.tags).toEqual(["gauges"]);

    await item.move("Archive");
    expect(item.info.ownerFolder).toMatch(/^[0-9a-f]{32}$/);
    expect(item.info.ownerFolder).not.toBe(projects);
    await item.move("/");
    expect(item.info.ownerFolder).toBeNull();
    await expect(item.move("No such folder")).rejects.toThrow(ValidationError);

    const groups = await collect(portal.searchGroups({ q: "*" }));
    const member = groups.find((g) => g.info.userMembership !== undefined)!;
    await item.share({ org: true, groups: [member.id] });
    expect(item.access).toBe("org");
    expect((await collect(member.content())).some((i) => i.id === item.id)).toBe(true);
    await item.share({ everyone: true });
    expect(item.access).toBe("public");

    await item.delete();
    await expect(portal.item(item.id)).rejects.toThrow(ItemNotFoundError);
    await expect(item.update({ snippet: "gone" })).rejects.toThrow(ItemNotFoundError);
  });

  it("types a share to a group the user is not in, and refuses bad share targets before any request", async () => {
    const item = await portal.addItem({ title: "Share test", type: "CSV", data: "id,name\n1,a\n" });
    expect(await item.data()).toBe("id,name\n1,a\n");
    const groups = await collect(portal.searchGroups({ q: "*" }));
    const stranger = groups.find((g) => g.info.userMembership === undefined)!;
    const error = await item.share({ groups: [stranger.id] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemShareError);
    expect((error as ItemShareError).notSharedWith).toEqual([stranger.id]);
    expect((await collect(stranger.content())).some((i) => i.id === item.id)).toBe(false);
    const from = ctx.server.requests.length;
    await expect(item.share({ groups: ["nope"] })).rejects.toThrow(ValidationError);
    await expect(item.share({})).rejects.toThrow(ValidationError);
    expect(ctx.server.requests.length).toBe(from);
    await item.delete();
  });

  it("refuses an item without title or type before any request", async () => {
    const from = ctx.server.requests.length;
    await expect(portal.addItem({ title: "", type: "CSV" })).rejects.toThrow(ValidationError);
    await expect(portal.addItem({ title: "x", type: "" })).rejects.toThrow(ValidationError);
    expect(ctx.server.requests.length).toBe(from);
  });
});
