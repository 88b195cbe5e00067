import { ArcGISRequestError, ValidationError } from "@arcrest/core";
import { ArcServerAdmin } from "@arcrest/admin";
import { MapServiceLayer } from "@arcrest/query";
import { describe, expect, it } from "vitest";
import { Portal, exchangeToken } from "../src/index.js";
import { PASSWORD, USER, carries, collect, newSession, paramsOf, requestsTo, useSampleServer } from "./support.js";

const ctx = useSampleServer();

/** generateToken requests to the portal that asked for a federated server's token, since `from`. */
function exchanges(from: number) {
  return requestsTo(ctx.server, "/portal/sharing/rest/generateToken", from).filter((r) => paramsOf(r).serverUrl !== undefined);
}

describe("federated servers", () => {
  it("lists the federated servers", async () => {
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session: newSession() });
    const servers = await portal.servers();
    expect(servers).toHaveLength(1);
    expect(servers[0]).toMatchObject({ url: `${ctx.server.url}/arcgis`, adminUrl: `${ctx.server.url}/arcgis`, serverType: "ArcGIS", serverRole: "HOSTING_SERVER" });
  });

  it("opens a Feature Service item as a MapServiceLayer in the portal's session", async () => {
    const session = newSession();
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session });
    const [item] = (await collect(portal.searchItems({ q: 'type:"Feature Service"', pageSize: 1 }))).slice(0, 1);
    const layer = await portal.featureLayer(item);
    expect(layer).toBeInstanceOf(MapServiceLayer);
    expect(layer.session).toBe(session);
    expect(layer.url).toBe(`${item.url}/0`);
    expect(await layer.count()).toBeGreaterThan(0);
    await expect(portal.featureLayer((await collect(portal.searchItems({ q: 'type:"Web Map"', pageSize: 1 })))[0])).rejects.toThrow(ValidationError);
  });

  it("reaches a secured service on the federated server with an exchanged token; the portal token never reaches the server", async () => {
    const session = newSession();
    const portal = await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session });
    const portalToken = session.tokenFor(ctx.restUrl)!.value;
    const items = await collect(portal.searchItems({ q: 'type:"Map Service"' }));
    const secured = items.find((i) => i.url?.includes("/Secure/Parcels/"))!;
    const from = ctx.server.requests.length;

    const layer = await portal.featureLayer(secured.id);
    const count = await layer.count();
    expect(count).toBeGreaterThan(0);

    const exchanged = exchanges(from);
    expect(exchanged).toHaveLength(1);
    expect(paramsOf(exchanged[0]).serverUrl).toBe(`${ctx.server.url}/arcgis`);
    expect(carries(exchanged[0], portalToken)).toBe(true);
    const serverToken = session.tokenFor(`${ctx.server.url}/arcgis`)!.value;
    expect(serverToken).not.toBe(portalToken);
    const toServer = ctx.server.requests.slice(from).filter((r) => r.path.startsWith("/arcgis/"));
    expect(toServer.length).toBeGreaterThan(0);
    expect(toServer.some((r) => carries(r, portalToken))).toBe(false);
    expect(toServer.filter((r) => r.path.includes("/Secure/")).every((r) => carries(r, serverToken))).toBe(true);
    expect(ctx.server.portal.leaks).toEqual([]);

    // An expired server token is refreshed once, through the portal again.
    ctx.server.tokens.expireAll();
    const again = ctx.server.requests.length;
    expect(await layer.count()).toBe(count);
    expect(exchanges(again)).toHaveLength(1);
    expect(ctx.server.requests.slice(again).some((r) => r.path.startsWith("/arcgis/") && carries(r, portalToken))).toBe(false);
    expect(ctx.server.portal.leaks).toEqual([]);
  });

  it("administers a federated server through portal.serverAdmin with the exchanged token only", async () => {
    const session = newSession();
    const portal = await Portal.connect(`${ctx.portalUrl}/home`, { username: USER, password: PASSWORD, session });
    const portalToken = session.tokenFor(ctx.restUrl)!.value;
    const from = ctx.server.requests.length;
    const server = (await portal.servers())[0];
    const admin = await portal.serverAdmin(server);
    expect(admin).toBeInstanceOf(ArcServerAdmin);
    expect(admin.url).toBe(`${ctx.server.url}/arcgis/admin`);

    const service = await admin.service("ahps_gauges.MapServer");
    await service.stop();
    expect((await service.status()).configuredState).toBe("STOPPED");
    const directory = (await (await fetch(`${ctx.server.restUrl}?f=json`)).json()) as { services: { name: string }[] };
    expect(directory.services.some((s) => s.name === "ahps_gauges")).toBe(false);
    await service.start();
    expect((await service.status()).configuredState).toBe("STARTED");

    expect(exchanges(from)).toHaveLength(1);
    const serverToken = session.tokenFor(admin.url)!.value;
    const adminCalls = ctx.server.requests.slice(from).filter((r) => r.path.startsWith("/arcgis/admin"));
    expect(adminCalls.length).toBeGreaterThan(3);
    expect(adminCalls.every((r) => carries(r, serverToken) && !carries(r, portalToken))).toBe(true);
    expect(ctx.server.portal.leaks).toEqual([]);

    // Expired: renewed once through the portal; a portal token sent to the admin API itself is refused.
    ctx.server.tokens.expireAll();
    const again = ctx.server.requests.length;
    expect((await service.status()).configuredState).toBe("STARTED");
    expect(exchanges(again)).toHaveLength(1);
    const refused = (await (await fetch(`${admin.url}/services?f=json`, { method: "POST", body: new URLSearchParams({ token: portalToken }) })).json()) as { code?: number; status?: string };
    expect(JSON.stringify(refused)).toContain("498");
    expect(ctx.server.portal.leaks).toHaveLength(1);
    (ctx.server.portal.leaks as unknown[]).length = 0;
  });

  it("the sample server records a portal token sent to the federated server (the check the tests rely on can fail)", async () => {
    const { token } = ctx.server.portal.tokens.issue(USER);
    const answer = (await (await fetch(`${ctx.server.restUrl}/Secure/Parcels/MapServer/0?f=json`, { method: "POST", body: new URLSearchParams({ token }) })).json()) as { error?: { code: number } };
    expect(answer.error?.code).toBe(498);
    expect(ctx.server.portal.leaks).toEqual([{ method: "POST", path: "/arcgis/rest/services/Secure/Parcels/MapServer/0", username: USER }]);
    (ctx.server.portal.leaks as unknown[]).length = 0;
  });

  it("the portal refuses to exchange a token for a server it is not federated with", async () => {
    const session = newSession();
    await Portal.connect(ctx.portalUrl, { username: USER, password: PASSWORD, session });
    await expect(exchangeToken(ctx.restUrl, { serverUrl: "https://elsewhere.example.com/arcgis", session })).rejects.toThrow(ArcGISRequestError);
    await expect(exchangeToken(ctx.restUrl, { serverUrl: "not a url", session })).rejects.toThrow(ValidationError);
  });
});
