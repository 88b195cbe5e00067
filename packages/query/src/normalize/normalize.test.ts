import { describe, expect, it } from "vitest";
import type { Field } from "@arcrest/core";
import { createAttributeNormalizer } from "./attribute-normalizer.js";
import { codedValueDecoder } from "./coded-values.js";
import { normalizeGuid } from "./guid.js";

const fields: Field[] = [
  { name: "OBJECTID", type: "esriFieldTypeOID" },
  { name: "GlobalID", type: "esriFieldTypeGlobalID" },
  { name: "parent_guid", type: "esriFieldTypeGUID" },
  { name: "Observed", type: "esriFieldTypeDate" },
  {
    name: "status",
    type: "esriFieldTypeString",
    domain: { type: "codedValue", name: "s", codedValues: [{ code: "low", name: "Low water" }, { code: "action", name: "Action stage" }] },
  },
  { name: "kind", type: "esriFieldTypeSmallInteger", domain: { type: "codedValue", codedValues: [{ code: 1, name: "One" }] } },
];

describe("createAttributeNormalizer", () => {
  it("renames keys to the layer's case, converts dates and GUIDs, keeps unknown keys", () => {
    const normalize = createAttributeNormalizer(fields);
    const out = normalize({
      objectid: 3,
      GLOBALID: "6f9619ff-8b86-d011-b42d-00c04fc964ff",
      PARENT_GUID: "{6F9619FF-8B86-D011-B42D-00C04FC964FF}",
      observed: 1577836800000,
      status: "low",
      extra: "x",
    });
    expect(out).toEqual({
      OBJECTID: 3,
      GlobalID: "{6F9619FF-8B86-D011-B42D-00C04FC964FF}",
      parent_guid: "{6F9619FF-8B86-D011-B42D-00C04FC964FF}",
      Observed: new Date(Date.UTC(2020, 0, 1)),
      status: "low",
      extra: "x",
    });
  });

  it("updates in place when keys already match, keeps nulls, and strips paging-only fields", () => {
    const normalize = createAttributeNormalizer(fields, {}, ["objectid"]);
    const attrs = { OBJECTID: 1, Observed: null, status: "action" };
    const out = normalize(attrs);
    expect(out).toEqual({ Observed: null, status: "action" });
    const inPlace = createAttributeNormalizer(fields);
    const same = { OBJECTID: 1, Observed: 0 };
    expect(inPlace(same)).toBe(same);
    expect(same.Observed).toEqual(new Date(0));
  });

  // Regression guard for the one-pass normaliser: values converted in place before a key that
  // needs renaming must not be converted a second time when the record is copied.
  it("converts each value once when a key needing a rename comes after converted ones", () => {
    // A chain where decoding twice would show: "a" -> "b", and "b" -> "c".
    const chained: Field = { name: "grade", type: "esriFieldTypeString", domain: { type: "codedValue", codedValues: [{ code: "a", name: "b" }, { code: "b", name: "c" }] } };
    const normalize = createAttributeNormalizer([...fields, chained], { decodeDomains: true });
    const out = normalize({ grade: "a", Observed: 1577836800000, kind: 1, objectid: 7 });
    expect(out).toEqual({ grade: "b", Observed: new Date(1577836800000), kind: "One", OBJECTID: 7 });
    expect(Object.keys(out)).toEqual(["grade", "Observed", "kind", "OBJECTID"]);
  });

  it("decodes coded values on request and can leave dates as numbers", () => {
    const normalize = createAttributeNormalizer(fields, { decodeDomains: true, dates: false });
    expect(normalize({ status: "action", kind: 1, Observed: 5 })).toEqual({ status: "Action stage", kind: "One", Observed: 5 });
    const decode = codedValueDecoder(fields);
    expect(decode({ status: "low", kind: "1", other: 2 })).toEqual({ status: "Low water", kind: "One", other: 2 });
  });
});

describe("normalizeGuid", () => {
  it("writes every GUID form as {UPPER}", () => {
    for (const g of ["6f9619ff-8b86-d011-b42d-00c04fc964ff", "{6f9619ff-8b86-d011-b42d-00c04fc964ff}", "6F9619FF8B86D011B42D00C04FC964FF"]) {
      expect(normalizeGuid(g)).toBe("{6F9619FF-8B86-D011-B42D-00C04FC964FF}");
    }
    expect(normalizeGuid("not-a-guid")).toBe("not-a-guid");
    expect(normalizeGuid(null)).toBe(null);
  });
});
