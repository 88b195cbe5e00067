import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SACRAMENTO_BOX, startSampleServer, type SampleServer } from "../../src/index.js";
import { getJson } from "../helpers/http.js";
import { decodePng, pixelsNot } from "../helpers/png.js";

let server: SampleServer;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(() => server.close());

const exportUrl = (service: string, params: Record<string, string>): string =>
  `${server.restUrl}/${service}/MapServer/export?${new URLSearchParams(params)}`;

const WHITE: [number, number, number, number] = [255, 255, 255, 255];

describe("MapServer export", () => {
  it("returns a real PNG of the requested size with the gauges drawn (f=image)", async () => {
    const res = await fetch(exportUrl("ahps_gauges", { bbox: "-125,24,-66,50", size: "600,300", format: "png", f: "image" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([600, 300]);
    expect(pixelsNot(png, WHITE)).toBeGreaterThan(2000);
  });

  it("draws nothing where there is no data", async () => {
    const res = await fetch(exportUrl("ahps_gauges", { bbox: "-40,-40,-30,-30", size: "64,64", f: "image" }));
    expect(pixelsNot(decodePng(new Uint8Array(await res.arrayBuffer())), WHITE)).toBe(0);
    const transparent = await fetch(exportUrl("ahps_gauges", { bbox: "-40,-40,-30,-30", size: "8,8", f: "image", transparent: "true" }));
    const png = decodePng(new Uint8Array(await transparent.arrayBuffer()));
    expect(pixelsNot(png, [255, 255, 255, 0])).toBe(0);
  });

  it("describes the image with f=json, and its href serves it", async () => {
    const [w, s, e, n] = SACRAMENTO_BOX;
    const { body } = await getJson<{ href: string; width: number; height: number; extent: Record<string, unknown>; scale: number }>(
      exportUrl("ahps_gauges", { bbox: `${w},${s},${e},${n}`, size: "400,200", f: "json" }),
    );
    expect(body).toMatchObject({ width: 400, height: 200, extent: { spatialReference: { wkid: 4326 } } });
    // The box is widened to the image's aspect ratio around its centre.
    expect(body.extent.ymin).toBeCloseTo(s, 6);
    expect(body.extent.ymax).toBeCloseTo(n, 6);
    expect((body.extent.xmax as number) - (body.extent.xmin as number)).toBeCloseTo(0.6, 6);
    expect(body.scale).toBeGreaterThan(10_000);
    expect(body.href.startsWith(`${server.url}/arcgis/rest/directories/arcgisoutput/`)).toBe(true);
    const image = await fetch(body.href);
    expect(image.headers.get("content-type")).toBe("image/png");
    const png = decodePng(new Uint8Array(await image.arrayBuffer()));
    expect([png.width, png.height]).toEqual([400, 200]);
    expect(pixelsNot(png, WHITE)).toBeGreaterThan(40);
  });

  it("draws polygons (with holes left empty) and lines, and takes a Web Mercator bbox", async () => {
    const res = await fetch(exportUrl("Boundaries/Districts", { bbox: "-122.7,37.1,-120.7,38.9", size: "200,200", f: "image", layers: "show:0" }));
    const polygons = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect(pixelsNot(polygons, WHITE)).toBeGreaterThan(200 * 200 * 0.5);
    const mercator = await fetch(
      exportUrl("Boundaries/Districts", { bbox: "-13658000,4460000,-13436000,4720000", bboxSR: "3857", size: "100,100", f: "image", layers: "show:1" }),
    );
    const lines = decodePng(new Uint8Array(await mercator.arrayBuffer()));
    const drawn = pixelsNot(lines, WHITE);
    expect(drawn).toBeGreaterThan(50);
    expect(drawn).toBeLessThan(100 * 100 * 0.3);
  });

  it("names bad parameters", async () => {
    const cases: Record<string, string>[] = [
      { size: "10,10", f: "image" },
      { bbox: "1,2,3", f: "json" },
      { bbox: "0,0,1,1", size: "big", f: "json" },
      { bbox: "0,0,1,1", format: "tiff", f: "json" },
    ];
    for (const params of cases) {
      const { body } = await getJson(exportUrl("ahps_gauges", params));
      expect(body).toMatchObject({ error: { code: 400, message: "Invalid or missing input parameters." } });
    }
    expect((await getJson(`${server.restUrl}/SanFrancisco/311Incidents/FeatureServer/export?bbox=0,0,1,1&f=json`)).body).toMatchObject({ error: {} });
  });

  it("answers a missing output file with 404", async () => {
    expect((await getJson(`${server.url}/arcgis/rest/directories/arcgisoutput/none.png`)).body).toMatchObject({ error: { code: 404 } });
  });
});

describe("attachment bytes", () => {
  it("serves each listed attachment with its type and size", async () => {
    const base = `${server.restUrl}/ahps_gauges/MapServer/0/1/attachments`;
    const { body } = await getJson<{ attachmentInfos: { id: number; contentType: string; size: number; name: string }[] }>(`${base}?f=json`);
    expect(body.attachmentInfos.length).toBeGreaterThanOrEqual(2);
    for (const info of body.attachmentInfos) {
      const res = await fetch(`${base}/${info.id}`);
      expect(res.headers.get("content-type")).toBe(info.contentType);
      expect(res.headers.get("content-disposition")).toContain(info.name);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.byteLength).toBe(info.size);
      if (info.contentType === "image/png") expect(decodePng(bytes).width).toBeGreaterThan(0);
    }
    const viaFeatureServer = await getJson(`${server.restUrl}/SanFrancisco/311Incidents/FeatureServer/0/1/attachments?f=json`);
    expect((viaFeatureServer.body.attachmentInfos as { parentGlobalId?: string }[])[0].parentGlobalId).toMatch(/^\{[0-9A-F-]{36}\}$/);
  });

  it("answers missing features, attachments and layers without attachments with errors", async () => {
    expect((await getJson(`${server.restUrl}/ahps_gauges/MapServer/0/4/attachments?f=json`)).body).toEqual({ attachmentInfos: [] });
    expect((await getJson(`${server.restUrl}/ahps_gauges/MapServer/0/1/attachments/999`)).body).toMatchObject({ error: { code: 404 } });
    expect((await getJson(`${server.restUrl}/ahps_gauges/MapServer/0/999999/attachments?f=json`)).body).toMatchObject({ error: { code: 404 } });
    expect((await getJson(`${server.restUrl}/ahps_gauges/MapServer/1/1/attachments?f=json`)).body).toMatchObject({ error: { code: 400 } });
  });
});
