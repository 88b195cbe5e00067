import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { builtInPrj } from "./prj.js";
import { PRJ_CODES, PRJ_TABLE_SOURCE, PRJ_TEXTS } from "./prj-table.generated.js";

const require = createRequire(import.meta.url);
const { lookup } = require("@esri/proj-codes") as { lookup: (code: number) => { wkid: number; wkt: string } | undefined };
const version = (require("@esri/proj-codes/package.json") as { version: string }).version;

describe("the built-in .prj table", () => {
  it("is generated from the installed @esri/proj-codes, every entry identical", () => {
    expect(PRJ_TABLE_SOURCE).toBe(`@esri/proj-codes@${version}`);
    for (const [wkid, index] of PRJ_CODES) {
      const entry = lookup(wkid);
      // The package also matches latestWkid; the table keeps the code's own entry.
      expect(PRJ_TEXTS[index], `wkid ${wkid}`).toBe(entry?.wkid === wkid ? entry.wkt : PRJ_TEXTS[index]);
    }
  });

  it("knows WGS84, Web Mercator and its aliases, UTM and State Plane", async () => {
    expect(await builtInPrj({ wkid: 4326 })).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
    const mercator = await builtInPrj({ wkid: 3857 });
    expect(mercator).toMatch(/^PROJCS\["WGS_1984_Web_Mercator_Auxiliary_Sphere"/);
    expect(await builtInPrj({ wkid: 102100, latestWkid: 3857 })).toBe(mercator);
    expect(await builtInPrj({ wkid: 102100 })).toBe(mercator);
    expect(await builtInPrj({ wkid: 102113 })).toMatch(/^PROJCS\["WGS_1984_Web_Mercator"/);
    expect(await builtInPrj({ wkid: 32610 })).toMatch(/WGS_1984_UTM_Zone_10N/);
    expect(await builtInPrj({ wkid: 26910 })).toMatch(/NAD_1983_UTM_Zone_10N/);
    expect(await builtInPrj({ wkid: 2226 })).toMatch(/NAD_1983_StatePlane_California_II_FIPS_0402_Feet/);
    expect(await builtInPrj({ wkid: 102642 })).toMatch(/NAD_1983_StatePlane_California_II_FIPS_0402_Feet/);
  });

  it("returns WKT given as such, and undefined for codes it does not know", async () => {
    expect(await builtInPrj({ wkt: 'PROJCS["custom"]' })).toBe('PROJCS["custom"]');
    expect(await builtInPrj({ wkid: 999999 })).toBeUndefined();
    expect(await builtInPrj({})).toBeUndefined();
  });
});
