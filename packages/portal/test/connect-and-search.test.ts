import { ArcGISAuthError, ValidationError } from "@arcrest/core";
import { PORTAL_ITEM_COUNT } from "@arcrest/sample-server";
import { describe, expect, it } from "vitest";
import { Portal, portalUrls, searchItems, type PortalItem } from "../src/index.js";
import { PASSWORD, USER, collect, newSession, paramsOf, requestsTo, useSampleServer } from "./support.js";

const ctx = useSampleServer();

describe("Portal.connect", () => {
  it.each(["", "/home", "/sharing/rest", "/sharing/rest/"])("signs in from the portal URL%s and reads portals/self", async (suffix) => {
    const session = newSession();
    const portal = await Portal.connect(`${ctx.portalUrl}${suffix}`, { username: USER, password: PASSWORD, session });
    expect(portal.url).toBe(ctx.portalUrl);
    expect(portal.restUrl).toBe(ctx.restUrl);
    expect(portal.self.isPortal).toBe(true);
    expect(typeof portal.self.currentVersion).toBe("string");
    expect(portal.self.helperServices).toBeTypeOf("object");
    expect(portal.username).toBe(USER);
    expect(session.tokenFor(ctx.restUrl)?.serverRoot).toBe(ctx.portalUrl);
  });

  it("accepts a portal token, or a session that already holds one", async () => {
    const { token } = ctx.server.portal.tokens.issue(USER);
    const byToken = await Portal.connect(ctx.portalUrl, { token, session: newSession() });
    expect(byToken.username).toBe(USER);
    const session = newSession();
    session.addToken({ value: token, serverRoot: ctx.portalUrl });
    expect((await Portal.connect(`${ctx.portalUrl}/home`, { session })).username).toBe(USER);
    expect((await Portal.connect(ctx.portalUrl, { session: newSession() })).username).toBeUndefined();
  });

  it("refuses wrong credentials with an auth error that does not contain the password; the password never goes in a URL", async () => {
    const from = ctx.server.requests.length;
    const secret = "not-the-Password-42";
    const error = await Portal.connect(ctx.portalUrl, { username: USER, password: secret, session: newSession() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcGISAuthError);
    expect(String((error as Error).message)).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    const sent = ctx.server.requests.slice(from);
    expect(sent.some((r) => r.body.password === secret)).toBe(true);
    for (const r of sent) expect(JSON.stringify(r.query)).not.toContain(secret);
    await expect(Portal.connect(ctx.portalUrl, { username: USER, session: newSession() })).rejects.toThrow(ValidationError);
  });

  it("derives the sharing API of Enterprise and ArcGIS Online URLs", () => {
    expect(portalUrls("https://myorg.maps.arcgis.com").restUrl).toBe("https://myorg.maps.arcgis.com/sharing/rest");
    expect(portalUrls("https://myorg.maps.arcgis.com/home/index.html").restUrl).toBe("https://myorg.maps.arcgis.com/sharing/rest");
    expect(portalUrls("https://www.arcgis.com/sharing/rest/content/items").url).toBe("https://www.arcgis.com");
    expect(portalUrls("https://gis.example.com/portal/home/").restUrl).toBe("https://gis.example.com/portal/sharing/rest");
    expect(() => portalUrls("not a url")).toThrow(ValidationError);
  });
});

describe("searchItems", () => {
  it(`pages through all ${PORTAL_ITEM_COUNT} sample items exactly once each, reporting the total`, async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const from = ctx.server.requests.length;
    const progress: { done: number; total?: number }[] = [];
    const items = await collect(portal.searchItems({ q: "tags:sample", pageSize: 100, onProgress: (p) => progress.push(p) }));
    const ids = items.map((i) => i.id);
    expect(ids).toHaveLength(PORTAL_ITEM_COUNT);
    expect(new Set(ids).size).toBe(PORTAL_ITEM_COUNT);
    const pages = requestsTo(ctx.server, "/sharing/rest/search", from).map(paramsOf);
    expect(pages.map((p) => p.start)).toEqual(["1", "101", "201", "301", "401", "501"]);
    expect(pages.every((p) => p.num === "100" && p.q === "tags:sample")).toBe(true);
    expect(progress.at(-1)).toEqual({ done: PORTAL_ITEM_COUNT, total: PORTAL_ITEM_COUNT });
    expect(progress.map((p) => p.done)).toEqual([100, 200, 300, 400, 500, PORTAL_ITEM_COUNT]);
  });

  it("sends no further request after an early break", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const from = ctx.server.requests.length;
    const seen: PortalItem[] = [];
    for await (const item of portal.searchItems({ q: "*", pageSize: 2 })) {
      seen.push(item);
      if (seen.length === 5) break;
    }
    expect(seen).toHaveLength(5);
    expect(requestsTo(ctx.server, "/sharing/rest/search", from).map((r) => paramsOf(r).start)).toEqual(["1", "3", "5"]);
  });

  it("filters and sorts with the portal's query syntax", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const items = await collect(portal.searchItems({ q: `owner:${USER} type:"Feature Service"`, sortField: "title", sortOrder: "desc" }));
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => i.owner === USER && i.type === "Feature Service" && i.url?.endsWith("/FeatureServer"))).toBe(true);
    const titles = items.map((i) => i.title);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, "en", { sensitivity: "base" })));
  });

  it("anonymous searches see only public items (the plain function, without a facade)", async () => {
    const all = await collect(searchItems(ctx.restUrl, { q: "tags:sample", session: newSession() }));
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThan(PORTAL_ITEM_COUNT);
    expect(all.every((i) => i.access === "public")).toBe(true);
  });

  it("refuses a page size outside 1..100 before any request", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const from = ctx.server.requests.length;
    for (const pageSize of [0, 101, 2.5]) {
      await expect(collect(portal.searchItems({ pageSize }))).rejects.toThrow(ValidationError);
    }
    expect(ctx.server.requests.length).toBe(from);
  });
});

describe("users and groups", () => {
  it("reads your own full profile and another user's public one", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const me = await portal.user(USER);
    expect(me.username).toBe(USER);
    expect(me.role).toBe("org_admin");
    expect(Array.isArray(me.groups)).toBe(true);
    const other = await portal.user("user001");
    expect(other.fullName).toBe("Sample User 1");
    expect(other.role).toBeUndefined();
    await expect(portal.user("")).rejects.toThrow(ValidationError);
  });

  it("searches users page by page", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    let total: number | undefined;
    const users = await collect(portal.searchUsers({ q: "username:user0*", pageSize: 7, onProgress: (p) => (total = p.total) }));
    expect(users.map((u) => u.username)).toEqual(Array.from({ length: 40 }, (_, i) => `user${String(i + 1).padStart(3, "0")}`).filter((n) => n.startsWith("user0")));
    expect(total).toBe(users.length);
  });

  it("finds groups, reads one, and lists its content exactly once each", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const groups = await collect(portal.searchGroups({ q: "tags:sample", pageSize: 5 }));
    expect(groups).toHaveLength(12);
    const mine = groups.filter((g) => g.info.userMembership !== undefined);
    expect(mine).toHaveLength(6);
    const group = await portal.group(mine[0].id);
    expect(group.title).toBe(mine[0].title);
    expect(group.info.userMembership?.memberType).toBe("owner");
    const content = await collect(group.content({ pageSize: 4 }));
    expect(content.length).toBeGreaterThan(4);
    expect(new Set(content.map((i) => i.id)).size).toBe(content.length);
    const searched = await collect(portal.searchItems({ q: `group:${group.id}` }));
    expect(content.map((i) => i.id).sort()).toEqual(searched.map((i) => i.id).sort());
    await expect(portal.group("not-an-id")).rejects.toThrow(ValidationError);
  });
});
