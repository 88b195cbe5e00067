import { describe, expect, it } from "vitest";
import { planPaging, type PagingCapabilities } from "./planner.js";

const caps: PagingCapabilities = { oidField: "OBJECTID", supportsPagination: true, supportsOrderBy: true, maxRecordCount: 1000 };
const auto = { strategy: "auto" as const, customOrder: false, userObjectIds: false };

describe("planPaging", () => {
  it("uses min/max ranges for dense ids and for anything that fits one range", () => {
    expect(planPaging(caps, { count: 9000, minOid: 1, maxOid: 10000 }, auto)).toMatchObject({ kind: "range", minOid: 1, maxOid: 10000 });
    expect(planPaging(caps, { count: 10, minOid: 5, maxOid: 900 }, auto)).toMatchObject({ kind: "range" });
  });

  it("uses shallow offsets for a few sparse pages, id batches for many", () => {
    expect(planPaging(caps, { count: 3000, minOid: 1, maxOid: 1_000_000 }, auto)).toEqual({ kind: "offset", pageSize: 1000 });
    expect(planPaging(caps, { count: 30000, minOid: 1, maxOid: 1_000_000 }, auto)).toEqual({ kind: "ids", pageSize: 1000, mode: "range" });
    expect(planPaging({ ...caps, supportsPagination: false }, { count: 3000, minOid: 1, maxOid: 1_000_000 }, auto)).toMatchObject({ kind: "ids" });
    expect(planPaging(caps, { count: 30000 }, auto)).toMatchObject({ kind: "ids" });
  });

  it("caps the page size at maxRecordCount and honours smaller overrides", () => {
    expect(planPaging(caps, { count: 5000, minOid: 1, maxOid: 5000 }, { ...auto, pageSize: 5000 })).toMatchObject({ pageSize: 1000 });
    expect(planPaging(caps, { count: 5000, minOid: 1, maxOid: 5000 }, { ...auto, pageSize: 250 })).toMatchObject({ pageSize: 250 });
    expect(() => planPaging(caps, { count: 5 }, { ...auto, pageSize: 2.5 })).toThrow(/pageSize/);
  });

  it("needs offsets for a custom order, and pagination for a custom order over several pages", () => {
    expect(planPaging(caps, { count: 5000, minOid: 1, maxOid: 5000 }, { ...auto, customOrder: true })).toMatchObject({ kind: "offset" });
    expect(() => planPaging({ ...caps, supportsPagination: false }, { count: 5000 }, { ...auto, customOrder: true })).toThrow(/orderByFields/);
    expect(planPaging({ ...caps, supportsPagination: false }, { count: 50 }, { ...auto, customOrder: true })).toMatchObject({ kind: "offset" });
  });

  it("handles layers without an object id field", () => {
    const noOid = { ...caps, oidField: undefined };
    expect(planPaging(noOid, { count: 5000 }, auto)).toMatchObject({ kind: "offset" });
    expect(planPaging({ ...noOid, supportsPagination: false }, { count: 5000 }, auto)).toMatchObject({ kind: "single" });
    expect(() => planPaging(noOid, { count: 5000 }, { ...auto, strategy: "ids" })).toThrow(/object id/);
  });

  it("sends user object ids as lists, and plans nothing for an empty result", () => {
    expect(planPaging(caps, { count: 50, minOid: 1, maxOid: 50 }, { ...auto, userObjectIds: true })).toMatchObject({ kind: "ids", mode: "list" });
    expect(planPaging(caps, { count: 0 }, auto)).toEqual({ kind: "empty" });
  });
});
