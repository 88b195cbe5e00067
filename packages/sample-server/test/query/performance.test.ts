/**
 * Large layers: a page costs what the page holds, not the layer. Measured by counting the
 * features a lazy layer generates (deterministic); no wall-clock bounds.
 */
import { describe, expect, it } from "vitest";
import type { LazyFeatureSource, SampleFeature, SampleLayer } from "../../src/data/types.js";
import { executeQuery } from "../../src/query/index.js";
import { bodyOf, pointLayer } from "./layers.js";

function lazyLayer(count: number): { layer: SampleLayer; built: () => number } {
  let built = 0;
  const lazy: LazyFeatureSource = {
    count,
    extent: { xmin: -120, ymin: 30, xmax: -100, ymax: 40 },
    featureAt(i: number): SampleFeature {
      built++;
      return {
        attributes: { objectid: i + 1, name: `pt-${i + 1}`, state: "CA", stage: i % 100, obstime: 0, status: i % 3 },
        geometry: { x: -120 + (i % 1000) / 50, y: 30 + Math.floor(i / 1000) / 100 },
      };
    },
  };
  const base = pointLayer({ count: 0, maxRecordCount: 2000 });
  const layer: SampleLayer = { ...base, features: [], lazy, nextObjectId: count + 1 };
  return { layer, built: () => built };
}

type Page = { features: { attributes: { objectid: number } }[]; exceededTransferLimit?: boolean };

describe("large layers", () => {
  it("an object-id range page builds only the rows of that page", () => {
    const { layer, built } = lazyLayer(1_000_000);
    const page = bodyOf(executeQuery(layer, { where: "objectid >= 500001 AND objectid <= 502000", outFields: "*", f: "json" })) as unknown as Page;
    expect(page.features).toHaveLength(2000);
    expect(page.features[0].attributes.objectid).toBe(500001);
    expect(page.features[1999].attributes.objectid).toBe(502000);
    expect(page).not.toHaveProperty("exceededTransferLimit");
    expect(built()).toBe(2000);
  });

  it("a resultOffset page builds only the rows of that page (and one to know more remain)", () => {
    const { layer, built } = lazyLayer(1_000_000);
    const page = bodyOf(executeQuery(layer, { where: "1=1", resultOffset: "800000", resultRecordCount: "2000", outFields: "*" })) as unknown as Page;
    expect(page.features[0].attributes.objectid).toBe(800001);
    expect(page.features).toHaveLength(2000);
    expect(page.exceededTransferLimit).toBe(true);
    expect(built()).toBeLessThanOrEqual(2001);
    const last = bodyOf(executeQuery(layer, { resultOffset: "998000", resultRecordCount: "2000" })) as unknown as Page;
    expect(last.exceededTransferLimit).toBe(false);
  });

  it("counting everything, counting an id range and listing its ids build nothing", () => {
    const { layer, built } = lazyLayer(1_000_000);
    expect(bodyOf(executeQuery(layer, { where: "1=1", returnCountOnly: "true" }))).toEqual({ count: 1_000_000 });
    expect(bodyOf(executeQuery(layer, { returnCountOnly: "true", where: "objectid > 999990 AND objectid <= 2000000" }))).toMatchObject({ count: 10 });
    const ids = bodyOf(executeQuery(layer, { returnIdsOnly: "true", where: "objectid BETWEEN 100 AND 20099" })).objectIds as number[];
    expect(ids).toHaveLength(20000);
    expect(ids[0]).toBe(100);
    expect(built()).toBe(0);
  });

  it("COUNT/MIN/MAX of the object id come from the id index without building features", () => {
    const { layer, built } = lazyLayer(1_000_000);
    const stats = (where: string) =>
      bodyOf(
        executeQuery(layer, {
          where,
          outStatistics: JSON.stringify([
            { statisticType: "count", onStatisticField: "objectid", outStatisticFieldName: "n" },
            { statisticType: "min", onStatisticField: "OBJECTID", outStatisticFieldName: "lo" },
            { statisticType: "max", onStatisticField: "objectid", outStatisticFieldName: "hi" },
          ]),
        }),
      ) as { features: { attributes: Record<string, number> }[] };
    expect(stats("1=1").features[0].attributes).toEqual({ n: 1_000_000, lo: 1, hi: 1_000_000 });
    expect(stats("objectid > 10 AND objectid <= 20").features[0].attributes).toEqual({ n: 10, lo: 11, hi: 20 });
    expect(built()).toBe(0);
    // Any other field needs the rows.
    expect(stats("status = 1").features[0].attributes.n).toBeGreaterThan(0);
    expect(built()).toBe(1_000_000);
  });

  it("a where clause combined with an id range only scans the range", () => {
    const { layer, built } = lazyLayer(1_000_000);
    const page = bodyOf(executeQuery(layer, { where: "status = 1 AND objectid BETWEEN 10001 AND 16000" })) as unknown as Page;
    expect(page.features).toHaveLength(2000);
    expect(built()).toBe(6000);
  });

  it("pages a 200,000-feature array layer by range and by offset", () => {
    const layer = pointLayer({ count: 200_000, maxRecordCount: 2000 });
    let total = 0;
    for (let page = 0; page < 100; page++) {
      const byRange = executeQuery(layer, { where: `objectid >= ${page * 2000 + 1} AND objectid <= ${(page + 1) * 2000}`, outFields: "*" });
      total += JSON.stringify(byRange.body).length > 0 ? (bodyOf(byRange).features as unknown[]).length : 0;
    }
    for (let page = 0; page < 100; page += 10) {
      const byOffset = executeQuery(layer, { resultOffset: String(page * 2000), resultRecordCount: "2000", outFields: "*", orderByFields: "objectid" });
      expect((bodyOf(byOffset).features as unknown[]).length).toBe(2000);
    }
    expect(total).toBe(200_000);
  });

  it("sorts a large layer once per order and reuses it for later pages", () => {
    const { layer, built } = lazyLayer(50_000);
    executeQuery(layer, { orderByFields: "stage DESC", resultOffset: "0", resultRecordCount: "2000" });
    const afterFirst = built();
    expect(afterFirst).toBeGreaterThanOrEqual(50_000); // the sort built every row once
    const page = bodyOf(executeQuery(layer, { orderByFields: "stage DESC", resultOffset: "2000", resultRecordCount: "2000", outFields: "stage" })) as unknown as { features: { attributes: { stage: number } }[] };
    const stages = page.features.map((f) => f.attributes.stage);
    expect(stages).toHaveLength(2000);
    expect([...stages].sort((a, b) => b - a)).toEqual(stages);
    expect(built()).toBe(afterFirst); // the second page reused the sorted rows
  });
});
