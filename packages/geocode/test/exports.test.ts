/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/geocode", () => {
  it("@arcrest/geocode: values", async () => {
    expect(Object.keys(await import("@arcrest/geocode")).sort()).toMatchInlineSnapshot(`
      [
        "BatchGeocodingUnsupportedError",
        "Geocoder",
        "fetchLocatorInfo",
        "findAddressCandidates",
        "geocodeAddresses",
        "reverseGeocode",
        "suggest",
      ]
    `);
  });
  it("@arcrest/geocode: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "AddressInput",
        "Candidate",
        "FindAddressCandidatesOptions",
        "GeocodeAddressesOptions",
        "GeocodePoint",
        "GeocodeResult",
        "GeocodeStatus",
        "LocatorInfo",
        "PointInput",
        "ReverseGeocodeOptions",
        "ReverseGeocodeResult",
        "SuggestOptions",
        "Suggestion",
      ]
    `);
  });
});
