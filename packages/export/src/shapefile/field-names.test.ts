import { describe, expect, it } from "vitest";
import { cutToBytes, dbfFieldNames } from "./field-names.js";

describe("dbfFieldNames", () => {
  it("keeps short names and cuts long ones to 10 characters", () => {
    expect(dbfFieldNames(["OBJECTID", "gaugelid", "waterbody_name"])).toEqual(["OBJECTID", "gaugelid", "waterbody_"]);
  });

  it("makes names that clash after the cut unique, staying within 10 bytes", () => {
    expect(dbfFieldNames(["LONGFIELD_A", "LONGFIELD_B", "LONGFIELD_C"])).toEqual(["LONGFIELD_", "LONGFIEL_1", "LONGFIEL_2"]);
    expect(dbfFieldNames(["DESCRIPTION1", "DESCRIPTION2"])).toEqual(["DESCRIPTIO", "DESCRIPT_1"]);
  });

  it("compares case-insensitively, as DBF readers do", () => {
    expect(dbfFieldNames(["Name", "NAME", "name"])).toEqual(["Name", "NAME_1", "name_2"]);
  });

  it("does not reuse a generated name for a later field", () => {
    expect(dbfFieldNames(["ABCDEFGHIJ_x", "ABCDEFGHIJ_y", "ABCDEFGH_1"])).toEqual(["ABCDEFGHIJ", "ABCDEFGH_1", "ABCDEFGH_2"]);
  });

  it("goes past nine clashes", () => {
    const names = dbfFieldNames(Array.from({ length: 12 }, (_, i) => `measurement_${i}`));
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(12);
    expect(names[10]).toBe("measure_10");
    for (const n of names) expect(n.length).toBeLessThanOrEqual(10);
  });

  it("counts UTF-8 bytes and never splits a character", () => {
    const [name] = dbfFieldNames(["höhe_über_null"]);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(10);
    expect(name).toBe("höhe_übe");
    expect(cutToBytes("東京都渋谷区", 10)).toBe("東京都");
  });

  it("replaces spaces and control characters", () => {
    expect(dbfFieldNames(["river name", ""])).toEqual(["river_name", "FIELD"]);
  });
});
