import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Bundles `code` for a browser as an app would, and reports what went in. */
async function bundle(code: string) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const text = result.outputFiles[0].text;
  return { inputs: Object.keys(result.metafile.inputs), gzipBytes: gzipSync(text).length };
}

describe("browser bundle of @arcrest/query", () => {
  it("pulls in no node: modules, proj4, fflate, export, admin or portal code", async () => {
    const { inputs } = await bundle(`export * from "@arcrest/query";`);
    const forbidden = inputs.filter((i) => /^node:|proj4|fflate|\/src\/node\/|packages\/(export|admin|portal)\//.test(i));
    expect(forbidden).toEqual([]);
  });

  // A ratchet, not the goal: DESIGN.md aims at 12 kB min+gzip for query + geocode together.
  // Today the MapServiceLayer facade costs about 28 kB; this guards against it growing.
  it("keeps the layer facade under 30 kB min+gzip", async () => {
    const { gzipBytes } = await bundle(`export { MapServiceLayer } from "@arcrest/query";`);
    expect(gzipBytes).toBeLessThan(30 * 1024);
  });
});
