import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Session, ValidationError, type EsriPolygon } from "@arcrest/core";
import { startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { fromArrayBuffer } from "geotiff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageCapabilityError, ImageService } from "../src/index.js";
import { clipToFile, exportImageToFile } from "../src/node/index.js";
import { X0, Y0, XMIN, YMIN, dem, readTiff } from "./support.js";

const NODATA = -3.4028234663852886e38;

// A diamond whose envelope is 23,000 × 17,000 m: 2,300 × 1,700 pixels of 10 m (5 × 4 tiles of ≤ 500).
const diamond: EsriPolygon = {
  rings: [[[XMIN, YMIN + 8500], [XMIN + 11500, YMIN + 17000], [XMIN + 23000, YMIN + 8500], [XMIN + 11500, YMIN], [XMIN, YMIN + 8500]]],
  spatialReference: { wkid: 102100, latestWkid: 3857 },
};
const insideDiamond = (x: number, y: number) => Math.abs(x - (XMIN + 11500)) / 11500 + Math.abs(y - (YMIN + 8500)) / 8500 < 1;

let server: SampleServer;
let dir: string;
let close: () => Promise<void>;
const session = () => new Session();
beforeAll(async () => ({ server, dir, close } = await startSampleServerAndFolder("arcrest-image-")));
afterAll(() => close());

const demUrl = () => `${server.restUrl}/Elevation/DEM/ImageServer`;

describe("ImageService", () => {
  it("reads the service properties", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    expect([im.pixelType, im.bandCount, im.pixelSizeX, im.pixelSizeY, im.maxImageWidth, im.maxImageHeight]).toEqual(["F32", 1, 10, 10, 500, 500]);
    expect(im.noDataValue).toBe(NODATA);
    expect(im.spatialReference?.latestWkid).toBe(3857);
    expect(im.extent.xmin).toBe(X0);
  });

  it("clips 2,300 × 1,700 pixels over 5 × 4 tiles into one GeoTIFF GDAL reads, DEM values inside, noData outside", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    const path = join(dir, "dem.tif");
    const progress: number[] = [];
    await clipToFile(im, diamond, path, { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBe(20);
    const info = JSON.parse(execFileSync("gdalinfo", ["-json", path], { encoding: "utf8" })) as {
      size: number[];
      geoTransform: number[];
      stac?: { "proj:epsg"?: number };
      coordinateSystem: { wkt: string };
      bands: { noDataValue: number; type: string }[];
    };
    expect(info.size).toEqual([2300, 1700]);
    expect(info.geoTransform).toEqual([XMIN, 10, 0, YMIN + 17000, 0, -10]);
    expect(info.coordinateSystem.wkt).toContain("Pseudo-Mercator");
    expect(info.bands[0].type).toBe("Float32");
    expect(Math.fround(info.bands[0].noDataValue)).toBe(Math.fround(NODATA));
    const { data } = await readTiff(path);
    let checked = 0;
    for (let row = 0; row < 1700; row += 37) {
      for (let col = 0; col < 2300; col += 41) {
        const x = XMIN + (col + 0.5) * 10;
        const y = YMIN + 17000 - (row + 0.5) * 10;
        const v = data[row * 2300 + col];
        if (insideDiamond(x, y)) expect(Math.abs(v - dem(x, y))).toBeLessThan(1e-3);
        else expect(v).toBe(Math.fround(NODATA));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
    // and GDAL's own reader at a pixel inside (the centre) and one outside (a corner)
    const centre = execFileSync("gdallocationinfo", ["-valonly", path, "1150", "850"], { encoding: "utf8" }).trim();
    expect(Number(centre)).toBeCloseTo(dem(XMIN + 11505, YMIN + 17000 - 8505), 2);
    const corner = execFileSync("gdallocationinfo", ["-valonly", path, "0", "0"], { encoding: "utf8" }).trim();
    expect(Number(corner)).toBeLessThan(-1e38);
  });

  it("gives the byte-identical file when tiles fail and are retried", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    const small: EsriPolygon = { rings: [[[XMIN, YMIN], [XMIN, YMIN + 7000], [XMIN + 12000, YMIN + 7000], [XMIN, YMIN]]] };
    const clean = await im.clip(small);
    server.faults.add({ match: /exportImage/, times: 2, fault: { kind: "status", status: 503 } });
    server.faults.add({ match: /exportImage/, times: 1, fault: { kind: "cut" } });
    const faulty = await im.clip(small);
    server.faults.clear();
    expect(Buffer.from(faulty).equals(Buffer.from(clean))).toBe(true);
    const path = join(dir, "faulty.tif");
    server.faults.add({ match: /exportImage/, times: 2, fault: { kind: "status", status: 502 } });
    await clipToFile(im, small, path);
    server.faults.clear();
    expect(readFileSync(path).equals(Buffer.from(clean))).toBe(true);
  });

  it("stops on abort with the signal's reason and leaves no file behind", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    const path = join(dir, "aborted", "dem.tif");
    const controller = new AbortController();
    const reason = new Error("stop here");
    const done = clipToFile(im, diamond, path, { signal: controller.signal, concurrency: 1, onProgress: (p) => p.done >= 5 && controller.abort(reason) });
    await expect(done).rejects.toBe(reason);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(dir, "aborted"))).toEqual([]);
  });

  it("exports under the limit in one request and over it as a tiled GeoTIFF", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    const one = await im.exportImage({ bbox: [XMIN, YMIN, XMIN + 2000, YMIN + 1000], size: [200, 100] });
    expect(String.fromCharCode(one[0], one[1])).toBe("II");
    const path = join(dir, "export.tif");
    await exportImageToFile(im, { bbox: [XMIN, YMIN, XMIN + 12340, YMIN + 6170], pixelSize: 10 }, path);
    const { image, data } = await readTiff(path);
    expect([image.getWidth(), image.getHeight()]).toEqual([1234, 617]);
    expect(Math.abs(data[600 * 1234 + 1000] - dem(XMIN + 10005, YMIN + 6170 - 6005))).toBeLessThan(1e-3);
  });

  it("identifies pixel values at known points", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    for (const [x, y] of [[-12990005, 4510005], [-12950001, 4530009], [-12900004, 4599996]]) {
      const cx = X0 + (Math.floor((x - X0) / 10) + 0.5) * 10;
      const cy = Y0 + 100000 - (Math.floor((Y0 + 100000 - y) / 10) + 0.5) * 10;
      expect(await im.pointIdentify({ x, y })).toEqual([dem(cx, cy)]);
    }
    expect(await im.pointIdentify({ x: 0, y: 0 })).toBeNull();
  });

  it("gets samples and histograms", async () => {
    const rgb = await ImageService.connect(`${server.restUrl}/Imagery/RGB/ImageServer`, { session: session() });
    const samples = await rgb.getSamples({ points: [[-12990005, 4510005], [-12980005, 4520005]], spatialReference: { wkid: 102100 } });
    expect(samples).toHaveLength(2);
    const rgbAt = (band: number, x: number, y: number) => 1 + Math.floor(127 * (1 + Math.sin((x - X0) / (3000 + band * 1000) + (y - Y0) / 5000 + [0, 2, 4][band])));
    expect(samples[0].value.split(" ").map(Number)).toEqual([0, 1, 2].map((b) => rgbAt(b, -12990005, 4510005)));
    expect(samples[1].value.split(" ").map(Number)).toEqual([0, 1, 2].map((b) => rgbAt(b, -12980005, 4520005)));
    const im = await ImageService.connect(demUrl(), { session: session() });
    const box = { xmin: XMIN, ymin: YMIN, xmax: XMIN + 1000, ymax: YMIN + 500, spatialReference: { wkid: 102100 } };
    const [histogram] = await im.computeHistograms(box);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(100 * 50);
    const { statistics } = await im.computeStatisticsHistograms(box);
    const values: number[] = [];
    for (let r = 0; r < 50; r++) for (let c = 0; c < 100; c++) values.push(dem(XMIN + c * 10 + 5, YMIN + 500 - r * 10 - 5));
    expect(statistics[0].count).toBe(5000);
    expect(statistics[0].min).toBeCloseTo(Math.min(...values), 3);
    expect(statistics[0].max).toBeCloseTo(Math.max(...values), 3);
    expect(histogram.min).toBeCloseTo(Math.min(...values), 3);
  });

  it("exports a BandArithmetic rendering", async () => {
    const rgb = await ImageService.connect(`${server.restUrl}/Imagery/RGB/ImageServer`, { session: session() });
    const bytes = await rgb.exportImage({ bbox: [XMIN, YMIN, XMIN + 100, YMIN + 100], size: [10, 10], renderingRule: { rasterFunction: "BandArithmetic", rasterFunctionArguments: { Method: 0, BandIndexes: "(b1 - b2)" } } });
    const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).getImage();
    const data = (await image.readRasters({ interleave: true })) as unknown as Float32Array;
    const expected = ((x: number, y: number) => {
      const v = (b: number, p: number) => 1 + Math.floor(127 * (1 + Math.sin((x - X0) / (3000 + b * 1000) + (y - Y0) / 5000 + p)));
      return v(0, 0) - v(1, 2);
    })(XMIN + 5, YMIN + 95);
    expect(data[0]).toBe(expected);
  });

  it("refuses bad input before any request, and a service without exportImage with a typed error", async () => {
    const im = await ImageService.connect(demUrl(), { session: session() });
    await expect(im.exportImage({ bbox: [10, 0, 0, 10], size: [10, 10] })).rejects.toThrow(ValidationError);
    await expect(im.exportImage({ bbox: [0, 0, 10, 10], size: [0, 10] })).rejects.toThrow(ValidationError);
    await expect(im.exportImage({ bbox: [0, 0, 10, 10], size: [100_001, 10] })).rejects.toThrow(ValidationError);
    await expect(im.exportImage({ bbox: [0, 0, 10, 10], size: [1, 1], renderingRule: { rasterFunction: "BandArithmetic", rasterFunctionArguments: { Method: 0, BandIndex: "b1" } } })).rejects.toThrow(/BandIndex/);
    await expect(im.clip(diamond, { pixelSize: 0.001 })).rejects.toThrow(ValidationError);
    await expect(im.clip(diamond, { outSR: 4326 })).rejects.toThrow(/outSR/);
    const catalogOnly = await ImageService.connect(`${server.restUrl}/Imagery/CatalogOnly/ImageServer`, { session: session() });
    await expect(catalogOnly.exportImage({ bbox: [0, 0, 10, 10], size: [1, 1] })).rejects.toThrow(ImageCapabilityError);
  });
});
