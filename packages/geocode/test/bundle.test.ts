import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUDGETS, kB, measureBundle } from "../../../scripts/bundle-size.js";
import { NOT_IN_BROWSER } from "../../../scripts/bundle-tests.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Bundles `code` for a browser (esbuild, ESM, minified, code splitting on): every module and every chunk's gzipped size. */
async function bundle(code: string) {
  const { inputs, everything } = await measureBundle(code, root);
  return { inputs, gzipBytes: everything };
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
    expect(all.inputs.filter((i) => NOT_IN_BROWSER.test(i))).toEqual([]);
  });

  it("adds at most 3 kB min+gzip to queryFeatures", async () => {
    const { query, both } = await sizes();
    expect(both - query).toBeLessThanOrEqual(3 * 1024);
  });

  // DESIGN.md's budget for a map app's search box: queryFeatures + findAddressCandidates + suggest.
  // Not met yet (queryFeatures alone is over its 9 kB budget): `limit` is a ratchet at the best size
  // reached, see docs/bundle-size.md.
  const combined = BUDGETS.find((b) => b.pkg === "geocode");
  if (combined === undefined) throw new Error("no geocode budget in scripts/bundle-size.ts");
  it(`keeps queryFeatures + findAddressCandidates + suggest within ${kB(combined.limit)} kB min+gzip (budget ${kB(combined.budget)} kB)`, async () => {
    const { both } = await sizes();
    expect(both).toBeLessThanOrEqual(combined.limit);
  });
});
