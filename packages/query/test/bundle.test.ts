import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Bundles `code` for a browser as an app would, and reports what went in.
 *
 * Code splitting is on, as in the bundlers apps use (Vite/Rollup, webpack): modules behind a
 * dynamic `import()` (geometry readers for spatial filters and SHAPE@ cursor columns) become chunks fetched
 * only when used. `gzipBytes` counts what loads up front: the entry chunk and the chunks it imports
 * statically, each gzipped. `inputs` lists every module of every chunk, lazy ones included.
 */
async function bundle(code: string) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    splitting: true,
    outdir: join(root, "bundle-out"), // only names the chunks: nothing is written
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint !== undefined);
  if (entry === undefined) throw new Error("esbuild reported no entry chunk");
  const upFront = new Set([entry]);
  for (const name of upFront) {
    for (const imported of outputs[name].imports) if (imported.kind === "import-statement") upFront.add(imported.path);
  }
  const files = result.outputFiles.filter((file) => upFront.has(relative(process.cwd(), file.path).split(sep).join("/")));
  if (files.length !== upFront.size) throw new Error(`found ${files.length} of the ${upFront.size} up-front chunks`);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(file.contents).length, 0);
  const inputs = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
  return { inputs, gzipBytes };
}

describe("browser bundle of @arcrest/query", () => {
  it("pulls in no node: modules, proj4, fflate, export, admin or portal code", async () => {
    const { inputs } = await bundle(`export * from "@arcrest/query";`);
    const forbidden = inputs.filter((i) => /^node:|proj4|fflate|\/src\/node\/|packages\/(export|admin|portal)\//.test(i));
    expect(forbidden).toEqual([]);
  });

  // A ratchet, not the goal: DESIGN.md aims at 12 kB min+gzip for query + geocode together.
  // The MapServiceLayer facade cannot be tree-shaken method by method; this guards against it growing.
  // Issue 10 item 1 (core's pipeline on ky's retry/timeout/hooks) added 0.2 kB of glue; item 6 sets the real budgets.
  // Issue 18 (hostile servers: the response size limit read as a stream, redirects checked by hand) added 0.3 kB.
  it("keeps the layer facade under 23.7 kB min+gzip", async () => {
    const { gzipBytes } = await bundle(`export { MapServiceLayer } from "@arcrest/query";`);
    expect(gzipBytes).toBeLessThan(23.7 * 1024);
  });

  // Reading a whole layer does not need the geometry readers (loaded for spatial filters and
  // SHAPE@ cursor columns only).
  it("keeps streamFeatures under 19.6 kB min+gzip", async () => {
    const { gzipBytes } = await bundle(`export { streamFeatures } from "@arcrest/query";`);
    expect(gzipBytes).toBeLessThan(19.6 * 1024);
  });
});
