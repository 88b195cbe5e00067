/** Bundle tests every browser package shares: nothing Node-only in the bundle, and the budgets' ratchets. */
import { expect, it } from "vitest";
import { BUDGETS, kB, measureBundle } from "./bundle-size.js";

/** Modules a browser entry must not pull in: Node built-ins, proj4, fflate, `/node` subpaths, export, admin, portal. */
export const NOT_IN_BROWSER = /^node:|proj4|fflate|\/src\/node\/|packages\/(export|admin|portal)\//;

/** Checks that `export * from "@arcrest/<pkg>"` pulls in none of {@link NOT_IN_BROWSER}. */
export function browserEntryTest(pkg: string, root: string): void {
  it("pulls in no node: modules, proj4, fflate, export, admin or portal code", async () => {
    const { inputs } = await measureBundle(`export * from "@arcrest/${pkg}";`, root);
    expect(inputs.filter((i) => NOT_IN_BROWSER.test(i))).toEqual([]);
  });
}

/**
 * One test per budget of `pkg` in scripts/bundle-size.ts (issue 10): its size, every chunk, within `limit`, a ratchet at
 * the best size reached while the budget is not met (docs/bundle-size.md shows where the bytes go).
 */
export function budgetTests(pkg: string, root: string): void {
  for (const c of BUDGETS.filter((b) => b.pkg === pkg)) {
    it(`keeps ${c.name} within ${kB(c.limit)} kB min+gzip, every chunk (budget ${kB(c.budget)} kB)`, async () => {
      const size = await measureBundle(c.code, root);
      console.info(`${c.name}: up front ${kB(size.upFront)} kB, everything ${kB(size.everything)} kB (budget ${kB(c.budget)} kB)`);
      expect(size.upFront).toBeLessThanOrEqual(size.everything);
      expect(size.everything).toBeLessThanOrEqual(c.limit);
    });
  }
}
