import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Session, ValidationError } from "@arcrest/core";
import { startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageService } from "../src/index.js";
import { clipToFile, exportImageToFile } from "../src/node/index.js";
import { XMIN, YMIN, triangle, readTiff } from "./support.js";

// The triangle's 1,230 × 730 pixels come in strips of 1,230 × 500: many LZW table resets and code-width changes.

let server: SampleServer;
let dir: string;
let close: () => Promise<void>;
beforeAll(async () => ({ server, dir, close } = await startSampleServerAndFolder("arcrest-image-lzw-")));
afterAll(() => close());

interface GdalInfo {
  size: number[];
  metadata: { IMAGE_STRUCTURE?: { COMPRESSION?: string } };
  bands: { checksum: number }[];
}
const gdalinfo = (path: string) => JSON.parse(execFileSync("gdalinfo", ["-json", "-checksum", path], { encoding: "utf8" })) as GdalInfo;

async function pixels(path: string): Promise<ArrayLike<number>> {
  return (await readTiff(path)).data;
}

describe("LZW compression", () => {
  for (const name of ["Elevation/DEM", "Imagery/RGB"]) {
    it(`writes ${name} clips GDAL reads with the same pixels as Deflate`, async () => {
      const im = await ImageService.connect(`${server.restUrl}/${name}/ImageServer`, { session: new Session() });
      const deflate = join(dir, `${name.replace("/", "_")}-deflate.tif`);
      const lzw = join(dir, `${name.replace("/", "_")}-lzw.tif`);
      await clipToFile(im, triangle, deflate);
      await clipToFile(im, triangle, lzw, { compression: "lzw" });
      const [a, b] = [gdalinfo(deflate), gdalinfo(lzw)];
      expect(a.metadata.IMAGE_STRUCTURE?.COMPRESSION).toBe("DEFLATE");
      expect(b.metadata.IMAGE_STRUCTURE?.COMPRESSION).toBe("LZW");
      expect(b.size).toEqual([1230, 730]);
      expect(b.bands.map((x) => x.checksum)).toEqual(a.bands.map((x) => x.checksum));
      const [pa, pb] = [await pixels(deflate), await pixels(lzw)];
      expect(pb.length).toBe(pa.length);
      let differing = 0;
      for (let i = 0; i < pa.length; i++) if (!Object.is(pa[i], pb[i])) differing++;
      expect(differing).toBe(0);
    });
  }

  it("tiles an export with LZW, and refuses an unknown compression", async () => {
    const im = await ImageService.connect(`${server.restUrl}/Elevation/DEM/ImageServer`, { session: new Session() });
    const path = join(dir, "export-lzw.tif");
    await exportImageToFile(im, { bbox: [XMIN, YMIN, XMIN + 6010, YMIN + 5020], pixelSize: 10, compression: "lzw" }, path);
    expect(gdalinfo(path).metadata.IMAGE_STRUCTURE?.COMPRESSION).toBe("LZW");
    await expect(im.clip(triangle, { compression: "zstd" as "lzw" })).rejects.toThrow(ValidationError);
  });
});
