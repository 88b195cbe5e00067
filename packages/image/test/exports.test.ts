/**
 * The package's public surface, listed name by name: a new or removed export (or method of
 * `ImageService`) changes a snapshot below, so growth is reviewed. Runtime names come from the module
 * itself; type names from the entry file's `export type { ... }` and `type X` specifiers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Names an entry file exports as types only. */
function typeNames(entry: string): string[] {
  const text = readFileSync(new URL(`../${entry}`, import.meta.url), "utf8");
  const names: string[] = [];
  for (const [, typeOnly, list] of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const raw of list.split(",")) {
      const spec = raw.replace(/\/\/.*$/gm, "").trim();
      if (spec === "") continue;
      const isType = typeOnly !== undefined || spec.startsWith("type ");
      const name = spec.replace(/^type\s+/, "").split(/\s+as\s+/).pop() as string;
      if (isType) names.push(name);
    }
  }
  return names.sort();
}

function hasStarExport(entry: string): boolean {
  return /export\s+(type\s+)?\*/.test(readFileSync(new URL(`../${entry}`, import.meta.url), "utf8"));
}

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
