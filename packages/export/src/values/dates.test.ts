import { describe, expect, it } from "vitest";
import { isoDateTime } from "./dates.js";

/** What `isoDateTime` must give: the engine's ISO text, milliseconds left out when zero. */
function reference(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith(".000Z") ? `${text.slice(0, -5)}Z` : text;
}

describe("isoDateTime", () => {
  it("matches Date#toISOString over years 1000–9999, including edges and fractions", () => {
    const edges = [0, -1, 1, 86_399_999, -86_400_000, 951_782_400_000, 253_402_300_799_999, -30_610_224_000_000, 1.5, -1.5, 1_714_566_615_250];
    for (const ms of edges) expect(isoDateTime(ms), String(ms)).toBe(reference(ms));
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const ms = Math.floor(-30_610_224_000_000 + (seed / 2_147_483_648) * (253_402_300_800_000 + 30_610_224_000_000));
      expect(isoDateTime(ms)).toBe(reference(ms));
    }
  });

  it("writes years outside 1000–9999 in the extended form", () => {
    expect(isoDateTime(Date.UTC(999, 0, 1))).toBe("0999-01-01T00:00:00Z");
    expect(isoDateTime(Date.UTC(-5, 0, 1))).toBe("-000005-01-01T00:00:00Z");
  });
});
