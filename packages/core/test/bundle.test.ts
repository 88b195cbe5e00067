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
  return {
    inputs: Object.keys(result.metafile.inputs),
    gzipBytes: gzipSync(text).length,
    text,
  };
}

describe("browser bundle of @arcrest/core", () => {
  it("has no node: imports and no proj4 unless projection is imported", async () => {
    const { inputs } = await bundle(`export * from "@arcrest/core";`);
    expect(inputs.some((i) => i.includes("proj4"))).toBe(false);
    expect(inputs.some((i) => i.startsWith("node:") || i.includes("/src/node/"))).toBe(false);
  });

  it("pulls proj4 in only with the projection subpath", async () => {
    const { inputs } = await bundle(`export * from "@arcrest/core"; export * from "@arcrest/core/projection";`);
    expect(inputs.some((i) => i.includes("proj4"))).toBe(true);
  });
});
