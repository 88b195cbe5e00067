/**
 * The package's public surface, listed name by name: a new or removed export (or method of
 * `ImageService`) changes a snapshot below, so growth is reviewed. Runtime names come from the module
 * itself; type names from the entry file's `export type { ... }` and `type X` specifiers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/image", () => {
  it("@arcrest/image: values", async () => {
    expect(Object.keys(await import("@arcrest/image")).sort()).toMatchInlineSnapshot(`
      [
        "ImageCapabilityError",
        "ImageService",
        "toBlob",
      ]
    `);
  });
  it("@arcrest/image: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "BandStatistics",
        "ClipOptions",
        "ExportImageOptions",
        "GetSamplesOptions",
        "Histogram",
        "IdentifyResult",
        "ImageSample",
        "ImageServiceInfo",
        "MosaicRule",
        "PixelQueryOptions",
        "PixelType",
        "RenderingRule",
        "StatisticsHistograms",
      ]
    `);
  });
  it("@arcrest/image/node: values", async () => {
    expect(Object.keys(await import("@arcrest/image/node")).sort()).toMatchInlineSnapshot(`
      [
        "clipToFile",
        "exportImageToFile",
      ]
    `);
  });
  it("@arcrest/image/node: types", () => {
    expect(hasStarExport("src/node/index.ts")).toBe(false);
    expect(typeNames("src/node/index.ts")).toMatchInlineSnapshot(`
      [
        "ImageFileOptions",
      ]
    `);
  });
  it("ImageService: public methods and accessors, none of them internal", async () => {
    const { ImageService } = await import("@arcrest/image");
    expect(Object.getOwnPropertyNames(ImageService.prototype).sort()).toMatchInlineSnapshot(`
      [
        "bandCount",
        "clip",
        "computeHistograms",
        "computeStatisticsHistograms",
        "constructor",
        "exportImage",
        "extent",
        "getSamples",
        "identify",
        "maxImageHeight",
        "maxImageWidth",
        "noDataValue",
        "pixelSizeX",
        "pixelSizeY",
        "pixelType",
        "pointIdentify",
        "spatialReference",
      ]
    `);
    expect(readFileSync(new URL("../src/image-service.ts", import.meta.url), "utf8")).not.toContain("@internal");
  });
});
