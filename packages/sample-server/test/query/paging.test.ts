import { describe, expect, it } from "vitest";
import { executeQuery } from "../../src/query/index.js";
import { bodyOf, pointLayer } from "./layers.js";

interface FeatureSet {
  features: { attributes: Record<string, unknown>; geometry?: Record<string, number> }[];
  exceededTransferLimit?: boolean;
}

function query(layer: ReturnType<typeof pointLayer>, params: Record<string, string>): FeatureSet {
  return bodyOf(executeQuery(layer, { f: "json", ...params })) as unknown as FeatureSet;
}

const oids = (set: FeatureSet): number[] => set.features.map((f) => f.attributes.objectid as number);

describe("paging and exceededTransferLimit", () => {
  const layer = pointLayer({ count: 25, maxRecordCount: 10 });

  it("caps an unpaged query at maxRecordCount and flags the rest", () => {
    const set = query(layer, { where: "1=1", outFields: "*" });
    expect(oids(set)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(set.exceededTransferLimit).toBe(true);
  });

  it("leaves the flag out when everything fits and no paging was asked for", () => {
    const set = query(layer, { where: "objectid <= 10" });
    expect(set.features).toHaveLength(10);
    expect(set).not.toHaveProperty("exceededTransferLimit");
  });

  it("pages with resultOffset/resultRecordCount, true exactly while rows remain", () => {
    const pages = [0, 10, 20].map((offset) => query(layer, { where: "1=1", resultOffset: String(offset), resultRecordCount: "10" }));
    expect(pages.map(oids)).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
      [21, 22, 23, 24, 25],
    ]);
    expect(pages.map((p) => p.exceededTransferLimit)).toEqual([true, true, false]);
  });

  it("is false when the last page ends exactly at the last row", () => {
    const set = query(pointLayer({ count: 20, maxRecordCount: 10 }), { resultOffset: "10", resultRecordCount: "10" });
    expect(oids(set)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(set.exceededTransferLimit).toBe(false);
  });

  it("caps resultRecordCount at maxRecordCount", () => {
    const set = query(layer, { resultOffset: "0", resultRecordCount: "500" });
    expect(set.features).toHaveLength(10);
    expect(set.exceededTransferLimit).toBe(true);
  });

  it("pages within a where clause, combining it with the offset", () => {
    const first = query(layer, { where: "status = 1", resultOffset: "0", resultRecordCount: "4" });
    const second = query(layer, { where: "status = 1", resultOffset: "4", resultRecordCount: "4" });
    expect(oids(first)).toEqual([1, 4, 7, 10]);
    expect(first.exceededTransferLimit).toBe(true);
    expect(oids(second)).toEqual([13, 16, 19, 22]);
    expect(second.exceededTransferLimit).toBe(true);
    const third = query(layer, { where: "status = 1", resultOffset: "8", resultRecordCount: "4" });
    expect(oids(third)).toEqual([25]);
    expect(third.exceededTransferLimit).toBe(false);
  });

  it("an offset past the end gives no rows and no more", () => {
    const set = query(layer, { resultOffset: "100", resultRecordCount: "10" });
    expect(set.features).toEqual([]);
    expect(set.exceededTransferLimit).toBe(false);
  });

  it("a lying layer serves servedPageSize rows although it advertises more", () => {
    const liar = pointLayer({ count: 45, maxRecordCount: 20, servedPageSize: 10 });
    const set = query(liar, { resultOffset: "0", resultRecordCount: "20" });
    expect(oids(set)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(set.exceededTransferLimit).toBe(true);
    const last = query(liar, { resultOffset: "40", resultRecordCount: "20" });
    expect(oids(last)).toEqual([41, 42, 43, 44, 45]);
    expect(last.exceededTransferLimit).toBe(false);
  });

  it("a layer without pagination ignores offsets but still caps and flags", () => {
    const old = pointLayer({ count: 25, maxRecordCount: 10, supportsPagination: false });
    const set = query(old, { resultOffset: "10", resultRecordCount: "5" });
    expect(oids(set)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(set.exceededTransferLimit).toBe(true);
    const range = query(old, { where: "objectid > 20" });
    expect(oids(range)).toEqual([21, 22, 23, 24, 25]);
    expect(range).not.toHaveProperty("exceededTransferLimit");
  });

  it("pages in orderByFields order, ties broken by object id", () => {
    const set = query(layer, { orderByFields: "status DESC, objectid", resultOffset: "0", resultRecordCount: "5" });
    expect(oids(set)).toEqual([2, 5, 8, 11, 14]);
    const byName = query(layer, { orderByFields: "NAME asc", outFields: "name", resultRecordCount: "3" });
    expect(byName.features.map((f) => f.attributes.name)).toEqual(["Gauge 1", "Gauge 10", "Gauge 11"]);
  });

  it("returns delayMs for a deep offset on a layer that charges for offsets", () => {
    const costly = { ...pointLayer({ count: 5000, maxRecordCount: 1000 }), offsetCostMsPer1000: 10 };
    expect(executeQuery(costly, { resultOffset: "3000", resultRecordCount: "1000" }).delayMs).toBe(30);
    expect(executeQuery(costly, { where: "objectid > 3000", resultRecordCount: "1000" }).delayMs).toBeUndefined();
  });
});

describe("count and ids", () => {
  const layer = pointLayer({ count: 25, maxRecordCount: 10 });

  it("returnCountOnly counts every match, not just a page", () => {
    expect(bodyOf(executeQuery(layer, { where: "1=1", returnCountOnly: "true" }))).toEqual({ count: 25 });
    expect(bodyOf(executeQuery(layer, { where: "status = 2", returnCountOnly: "true" }))).toEqual({ count: 8 });
    expect(bodyOf(executeQuery(layer, { where: "1=0", returnCountOnly: "true" }))).toEqual({ count: 0 });
  });

  it("returnIdsOnly returns every matching id, uncapped", () => {
    const body = bodyOf(executeQuery(layer, { where: "objectid > 5", returnIdsOnly: "true" }));
    expect(body.objectIdFieldName).toBe("objectid");
    expect(body.objectIds).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
  });

  it("objectIds selects exactly those features", () => {
    const set = query(layer, { objectIds: "3, 9,24,99" });
    expect(oids(set)).toEqual([3, 9, 24]);
    expect(bodyOf(executeQuery(layer, { objectIds: "3,9", where: "objectid > 4", returnCountOnly: "true" }))).toEqual({ count: 1 });
  });
});

describe("text search and ids on large layers", () => {
  it("text=... searches the display field", () => {
    const layer = pointLayer({ count: 25 });
    expect(bodyOf(executeQuery(layer, { text: "uge 2", returnIdsOnly: "true" })).objectIds).toEqual([2, 20, 21, 22, 23, 24, 25]);
    expect(bodyOf(executeQuery(layer, { text: "it's", returnCountOnly: "true" }))).toEqual({ count: 0 });
  });
});

describe("time", () => {
  it("filters on the layer's time field when it declares one, and is ignored otherwise", () => {
    const plain = pointLayer({ count: 10 });
    const timed = Object.assign(pointLayer({ count: 10 }), { timeInfo: { startTimeField: "OBSTIME" } });
    const day = (n: number) => String(Date.UTC(2020, 0, 1) + n * 86_400_000);
    const count = (layer: typeof plain, time: string) => bodyOf(executeQuery(layer, { time, returnCountOnly: "true" })).count;
    expect(count(timed, `${day(3)},${day(5)}`)).toBe(3);
    expect(count(timed, day(4))).toBe(1);
    expect(count(timed, `null,${day(2)}`)).toBe(2);
    expect(count(timed, `${day(9)},null`)).toBe(2);
    expect(count(plain, `${day(3)},${day(5)}`)).toBe(10);
    expect(bodyOf(executeQuery(timed, { time: "yesterday" })).error).toMatchObject({ code: 400 });
  });
});
