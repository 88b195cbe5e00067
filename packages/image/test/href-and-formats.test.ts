import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session, ValidationError } from "@arcrest/core";
import { startSampleServerAndFolder, type RecordedRequest, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageService } from "../src/index.js";
import { XMIN, YMIN, dem, triangle } from "./support.js";

// Over the wire: a server whose exportImage only answers with the JSON image resource (an href), and
// exports to PNG.

let server: SampleServer;
let dir: string;
let close: () => Promise<void>;
beforeAll(async () => ({ server, dir, close } = await startSampleServerAndFolder("arcrest-image-href-")));
afterAll(() => close());

const isOutput = (r: RecordedRequest) => r.path.includes("/directories/arcgisoutput/");
const isExport = (r: RecordedRequest) => /\/exportImage$/i.test(r.path);
const tokenOf = (r: RecordedRequest) => r.headers["x-esri-authorization"]?.replace(/^Bearer /, "") ?? r.body.token ?? r.query.token;

describe("exportImage answered with an href (f=json image resource)", () => {
  it("the sample server answers f=json like ArcGIS Server: href, width, height, extent, scale", async () => {
    const url = `${server.restUrl}/Elevation/DEM/ImageServer/exportImage?f=json&format=tiff&bbox=${XMIN},${YMIN},${XMIN + 1000},${YMIN + 500}&size=100,50`;
    const body = (await (await fetch(url)).json()) as { href: string; width: number; height: number; extent: Record<string, unknown>; scale: number };
    expect(Object.keys(body).sort()).toEqual(["extent", "height", "href", "scale", "width"]);
    expect([body.width, body.height]).toEqual([100, 50]);
    expect(body.extent).toMatchObject({ xmin: XMIN, ymin: YMIN, xmax: XMIN + 1000, ymax: YMIN + 500 });
    const image = new Uint8Array(await (await fetch(body.href)).arrayBuffer());
    expect(String.fromCharCode(image[0], image[1])).toBe("II");
  });

  it("clips through a server that only answers with hrefs: the same GeoTIFF as from bytes, with the token on the same server", async () => {
    const { token } = server.tokens.issue("arcrest");
    const session = new Session({ url: `${server.url}/arcgis`, token });
    const direct = await ImageService.connect(`${server.restUrl}/Elevation/DEM/ImageServer`, { session });
    const viaHref = await ImageService.connect(`${server.restUrl}/Elevation/DEMHref/ImageServer`, { session });
    const expected = await direct.clip(triangle);
    server.clearRequests();
    const tif = await viaHref.clip(triangle);
    expect(Buffer.from(tif).equals(Buffer.from(expected))).toBe(true);
    const outputs = server.requests.filter(isOutput);
    expect(outputs).toHaveLength(6);
    expect(server.requests.filter(isExport)).toHaveLength(6);
    for (const r of outputs) expect(tokenOf(r)).toBe(token);
    const path = join(dir, "href.tif");
    writeFileSync(path, tif);
    const info = JSON.parse(execFileSync("gdalinfo", ["-json", path], { encoding: "utf8" })) as { size: number[]; geoTransform: number[] };
    expect(info.size).toEqual([1230, 730]);
    expect(info.geoTransform).toEqual([XMIN, 10, 0, YMIN + 7300, 0, -10]);
    const value = Number(execFileSync("gdallocationinfo", ["-valonly", path, "20", "700"], { encoding: "utf8" }).trim());
    expect(value).toBeCloseTo(dem(XMIN + 205, YMIN + 7300 - 7005), 2);
  });

  it("sends no token to an href on another server", async () => {
    const { token } = server.tokens.issue("arcrest");
    const other = `http://localhost:${server.port}`; // the service by another host name; its hrefs name 127.0.0.1
    const session = new Session({ url: `${other}/arcgis`, token });
    const im = await ImageService.connect(`${other}/arcgis/rest/services/Elevation/DEMHref/ImageServer`, { session });
    server.clearRequests();
    const bytes = await im.exportImage({ bbox: [XMIN, YMIN, XMIN + 1000, YMIN + 500], size: [100, 50] });
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("II");
    const [exported] = server.requests.filter(isExport);
    const [output] = server.requests.filter(isOutput);
    expect(tokenOf(exported)).toBe(token);
    expect(output).toBeDefined();
    expect(tokenOf(output)).toBeUndefined();
  });

  it("retries a failed href download and still gives the identical file", async () => {
    const im = await ImageService.connect(`${server.restUrl}/Elevation/DEMHref/ImageServer`, { session: new Session() });
    const clean = await im.clip(triangle);
    server.faults.add({ match: /arcgisoutput/, times: 2, fault: { kind: "status", status: 503 } });
    server.faults.add({ match: /exportImage/, times: 1, fault: { kind: "cut" } });
    const faulty = await im.clip(triangle);
    server.faults.clear();
    expect(Buffer.from(faulty).equals(Buffer.from(clean))).toBe(true);
  });
});

describe("exportImage to PNG", () => {
  it("returns the PNG bytes, from bytes or from an href", async () => {
    for (const name of ["Elevation/DEM", "Elevation/DEMHref", "Imagery/RGB"]) {
      const im = await ImageService.connect(`${server.restUrl}/${name}/ImageServer`, { session: new Session() });
      const png = await im.exportImage({ bbox: [XMIN, YMIN, XMIN + 3000, YMIN + 2000], size: [300, 200], format: "png" });
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const path = join(dir, `${name.replace("/", "_")}.png`);
      writeFileSync(path, png);
      const info = JSON.parse(execFileSync("gdalinfo", ["-json", path], { encoding: "utf8" })) as { size: number[]; driverShortName: string };
      expect(info.driverShortName).toBe("PNG");
      expect(info.size).toEqual([300, 200]);
    }
  });

  it("refuses a PNG or JPG larger than the server's maximum before any request (only TIFF is tiled)", async () => {
    const im = await ImageService.connect(`${server.restUrl}/Elevation/DEM/ImageServer`, { session: new Session() });
    server.clearRequests();
    for (const format of ["png", "jpg"] as const) {
      const error = await im.exportImage({ bbox: [XMIN, YMIN, XMIN + 6000, YMIN + 2000], size: [600, 200], format }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(/500 × 500.*tiff/);
    }
    await expect(im.exportImage({ bbox: [XMIN, YMIN, XMIN + 100, YMIN + 100], size: [10, 10], format: "gif" as "png" })).rejects.toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});
