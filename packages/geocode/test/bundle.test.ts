import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Bundles `code` for a browser as an app would (esbuild, ESM, minified, code splitting on) and
 * reports every module that went in and the gzipped size of every chunk, lazy ones included.
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
  const gzipBytes = result.outputFiles.filter((f) => f.path.endsWith(".js")).reduce((sum, f) => sum + gzipSync(f.contents).length, 0);
  const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
  return { inputs, gzipBytes };
}

const QUERY = `export { queryFeatures } from "@arcrest/query";`;
const GEOCODE = `export { findAddressCandidates, suggest } from "@arcrest/geocode";`;

let measured: Promise<{ query: number; both: number }> | undefined;

/** Sizes of queryFeatures alone and with findAddressCandidates + suggest, measured once. */
function sizes(): Promise<{ query: number; both: number }> {
  measured ??= (async () => {
    const query = (await bundle(QUERY)).gzipBytes;
    const both = (await bundle(`${QUERY}\n${GEOCODE}`)).gzipBytes;
    console.info(`bundle min+gzip, every chunk: queryFeatures ${query} B; with findAddressCandidates + suggest ${both} B (geocode adds ${both - query} B)`);
    return { query, both };
  })();
  return measured;
}

describe("browser bundle of @arcrest/geocode", () => {
  it("pulls in no node: modules, proj4, fflate, export, admin, portal or batch code", async () => {
    const { inputs } = await bundle(GEOCODE);
    expect(inputs.filter((i) => /^node:|proj4|fflate|packages\/(export|admin|portal)\/|geocode-addresses|batch/.test(i))).toEqual([]);
    const all = await bundle(`export * from "@arcrest/geocode";`);
    expect(all.inputs.filter((i) => /^node:|proj4|fflate|packages\/(export|admin|portal)\//.test(i))).toEqual([]);
  });

  it("adds at most 3 kB min+gzip to queryFeatures", async () => {
    const { query, both } = await sizes();
    expect(both - query).toBeLessThanOrEqual(3 * 1024);
  });

  // DESIGN.md's budget for a map app's search box: queryFeatures + findAddressCandidates + suggest.
  // queryFeatures alone has a budget of 9 kB, met in @arcrest/query's own test; until it is, this
  // check is reported as skipped (with the figures) rather than passing or failing on query's account.
  it("keeps queryFeatures + findAddressCandidates + suggest within 12 kB min+gzip", async (test) => {
    const { query, both } = await sizes();
    if (query > 9 * 1024) test.skip(`queryFeatures alone is ${query} B, over its own 9 kB budget (with geocode: ${both} B)`);
    expect(both).toBeLessThanOrEqual(12 * 1024);
  });
});
