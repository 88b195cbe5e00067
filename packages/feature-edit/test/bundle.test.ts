import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUDGETS, kB, measureBundle } from "../../../scripts/bundle-size.js";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("browser bundle of @arcrest/feature-edit", () => {
  it("pulls in no node: modules, proj4, fflate, export, admin or portal code", async () => {
    const { inputs } = await measureBundle(`export * from "@arcrest/feature-edit";`, root);
    const forbidden = inputs.filter((i) => /^node:|proj4|fflate|\/src\/node\/|packages\/(export|admin|portal)\//.test(i));
    expect(forbidden).toEqual([]);
  });

  // Budget of issue 10; `limit` is a ratchet at the best size reached while the budget is not met
  // (see docs/bundle-size.md).
  for (const c of BUDGETS.filter((b) => b.pkg === "feature-edit")) {
    it(`keeps ${c.name} within ${kB(c.limit)} kB min+gzip, every chunk (budget ${kB(c.budget)} kB)`, async () => {
      const size = await measureBundle(c.code, root);
      console.info(`${c.name}: up front ${kB(size.upFront)} kB, everything ${kB(size.everything)} kB (budget ${kB(c.budget)} kB)`);
      expect(size.upFront).toBeLessThanOrEqual(size.everything);
      expect(size.everything).toBeLessThanOrEqual(c.limit);
    });
  }
});
