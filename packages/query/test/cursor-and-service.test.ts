import { ArcServer, Geometry, Session, ValidationError } from "@arcrest/core";
import { GAUGE_COUNT } from "@arcrest/sample-server";
import { describe, expect, it } from "vitest";
import { MapService, MapServiceLayer, Row, searchCursor } from "../src/index.js";
import { collect, useSampleServer } from "./support.js";

const ctx = useSampleServer();

describe("MapService", () => {
  it("connects by URL and by (ArcServer, name), with case-insensitive names and wildcards", async () => {
    const ags = await ArcServer.connect(ctx.server.url + "/arcgis", { session: ctx.session });
    const byName = await MapService.connect(ags, "AHPS_GAUGES");
    const byUrl = await MapService.connect(`${ctx.rest}/ahps_gauges/MapServer`, { session: ctx.session });
    expect(byName.url).toBe(byUrl.url);
    expect(byName.listLayers()).toEqual(["observed_river_stages", "forecast_river_stages"]);
    expect(byName.listTables()).toEqual(["gauge_owners"]);
    const lyr = await byName.layer("Observed_*");
    expect(lyr).toBeInstanceOf(MapServiceLayer);
    expect(lyr.name).toBe("observed_river_stages");
    expect((await byName.layer(1)).name).toBe("forecast_river_stages");
    expect((await byName.table("gauge_*")).isTable).toBe(true);
    expect(await byName.layer("observed_river_stages")).toBe(lyr); // loaded once
    await expect(byName.layer("nothing_like_this")).rejects.toBeInstanceOf(ValidationError);
    await expect(byName.table("observed_river_stages")).rejects.toThrow(/gauge_owners/);
    const inFolder = await MapService.connect(ags, "sanfrancisco/311*");
    expect(inFolder.url).toMatch(/SanFrancisco\/311Incidents\/(MapServer|FeatureServer)$/);
  });

  it("reads a FeatureServer with the same API", async () => {
    const fs = await MapService.connect(`${ctx.rest}/SanFrancisco/311Incidents/FeatureServer`, { session: ctx.session });
    const incidents = await fs.layer("incidents");
    const all = await collect(incidents.features({ outFields: ["objectid"] }));
    expect(all).toHaveLength(await incidents.count());
    await expect(fs.export({ bbox: [0, 0, 1, 1] })).rejects.toThrow(/MapServer/);
    await expect(MapService.connect(`${ctx.rest}/ahps_gauges/GPServer`)).rejects.toBeInstanceOf(ValidationError);
  });

  it("reads a secured layer with the session's token, never putting it in a URL", async () => {
    const session = new Session({ retry: { baseDelayMs: 2 } });
    const secured = await MapService.connect(`${ctx.rest}/Secure/Parcels/MapServer`, { session, username: "arcrest", password: "arcrest-pass" });
    const parcels = await secured.layer(0);
    const from = ctx.server.requests.length;
    const all = await collect(parcels.features({ pageSize: 10 }));
    expect(all.length).toBe(await parcels.count());
    expect(all.length).toBeGreaterThan(10);
    const requests = ctx.server.requests.slice(from);
    expect(requests.every((r) => r.query.token === undefined)).toBe(true);
    expect(requests.every((r) => r.body.token !== undefined || r.headers["x-esri-authorization"] !== undefined)).toBe(true);
    await expect(MapServiceLayer.connect(`${ctx.rest}/Secure/Parcels/MapServer/0`, { session: new Session() })).rejects.toThrow(/[Tt]oken/);
  });

  it("offers a service-level cursor and feature stream", async () => {
    const svc = await MapService.connect(`${ctx.rest}/ahps_gauges/MapServer`, { session: ctx.session });
    const rows = await collect(svc.cursor("observed_river_stages", { where: "state = 'CA'", fields: ["gaugelid", "state"] }));
    expect(rows.length).toBe(await (await svc.layer(0)).count({ where: "state = 'CA'" }));
    expect(rows.every((r) => r.get("state") === "CA")).toBe(true);
    const features = await collect(svc.features(0, { outFields: ["objectid"] }));
    expect(features).toHaveLength(GAUGE_COUNT);
  });
});

describe("cursor", () => {
  it("yields rows in field order with SHAPE@, SHAPE@XY, SHAPE@JSON and OID@ tokens", async () => {
    const lyr = await MapServiceLayer.connect(`${ctx.rest}/ahps_gauges/MapServer/0`, { session: ctx.session });
    const rows = await collect(lyr.cursor({ where: "state = 'CA'", fields: ["SHAPE@", "GaugeLID", "status", "location", "OID@", "SHAPE@XY", "SHAPE@JSON"] }));
    expect(rows.length).toBe(await lyr.count({ where: "state = 'CA'" }));
    const first = rows[0];
    expect(first).toBeInstanceOf(Row);
    expect(first.fields).toEqual(["SHAPE@", "gaugelid", "status", "location", "OID@", "SHAPE@XY", "SHAPE@JSON"]);
    const [shape, lid, status, location, oid, xy, json] = first;
    expect(shape).toBeInstanceOf(Geometry);
    expect((shape as Geometry).geometryType).toBe("esriGeometryPoint");
    expect((shape as Geometry).spatialReference?.wkid).toBe(4326);
    expect(typeof lid).toBe("string");
    expect(typeof status).toBe("string");
    expect(typeof location).toBe("string");
    expect(typeof oid).toBe("number");
    const point = (shape as Geometry).toEsriJSON() as { x: number; y: number };
    expect(xy).toEqual([point.x, point.y]);
    expect(JSON.parse(json as string)).toMatchObject({ x: point.x, y: point.y, spatialReference: { wkid: 4326 } });
    expect(first.get("OID@")).toBe(oid);
    expect(first.get("GAUGELID")).toBe(lid);
    expect(first.toObject()).toMatchObject({ gaugelid: lid, "OID@": oid });
    const oids = rows.map((r) => r.get("OID@") as number);
    expect(new Set(oids).size).toBe(oids.length);
  });

  it("gives every field with * and the shape field's own name as a geometry", async () => {
    const lyr = await MapServiceLayer.connect(`${ctx.rest}/ahps_gauges/MapServer/0`, { session: ctx.session });
    const [row] = await collect(searchCursor(lyr, { where: "objectid = 1" }));
    expect(row.fields).toEqual(lyr.listFields());
    expect(row.get(lyr.shapeField as string)).toBeInstanceOf(Geometry);
    const [byName] = await collect(searchCursor(lyr.url, { where: "objectid = 1", fields: ["shape", "obstime"], session: ctx.session, outSR: 3857 }));
    expect([3857, 102100]).toContain((byName.get(0) as Geometry).spatialReference?.wkid);
    expect(byName.get("obstime")).toBeInstanceOf(Date);
  });

  it("computes SHAPE@XY centroids for polygons and polylines", async () => {
    const districts = await MapServiceLayer.connect(`${ctx.rest}/Boundaries/Districts/MapServer/0`, { session: ctx.session });
    const rows = await collect(districts.cursor({ fields: ["SHAPE@", "SHAPE@XY"] }));
    expect(rows.length).toBeGreaterThan(0);
    for (const [shape, xy] of rows) {
      const env = (shape as Geometry).envelope();
      const [x, y] = xy as [number, number];
      expect(x).toBeGreaterThanOrEqual(env.xmin);
      expect(x).toBeLessThanOrEqual(env.xmax);
      expect(y).toBeGreaterThanOrEqual(env.ymin);
      expect(y).toBeLessThanOrEqual(env.ymax);
    }
  });

  it("names unknown fields and tokens in a ValidationError", async () => {
    const lyr = await MapServiceLayer.connect(`${ctx.rest}/ahps_gauges/MapServer/0`, { session: ctx.session });
    await expect(collect(lyr.cursor({ fields: ["nope"] }))).rejects.toThrow(/"nope" is not a field/);
    await expect(collect(lyr.cursor({ fields: ["SHAPE@WKB"] }))).rejects.toThrow(/SHAPE@WKB/);
    const table = await MapServiceLayer.connect(`${ctx.rest}/ahps_gauges/MapServer/2`, { session: ctx.session });
    await expect(collect(table.cursor({ fields: ["SHAPE@"] }))).rejects.toThrow(/table/);
  });
});
