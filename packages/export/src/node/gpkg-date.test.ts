import { describe, expect, it } from "vitest";
import { gpkgDateTime } from "./geopackage.js";

// The GeoPackage writer's date text must equal Date.prototype.toISOString (the form the spec requires).
describe("GeoPackage date text", () => {
  it("equals toISOString from year 1000 to 9999", () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const from = Date.UTC(1000, 0, 1);
    const to = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    const samples = [from, to, from - 1, Date.UTC(120, 5, 1), 0, -1, 1, Date.UTC(2024, 1, 29, 12), Date.UTC(1969, 11, 31, 23, 59, 59, 999)];
    for (let i = 0; i < 20_000; i++) samples.push(Math.floor(from + next() * (to - from)));
    for (let i = 0; i < 2_000; i++) samples.push(Math.floor((from + next() * (to - from)) / 1000) * 1000);
    for (const ms of samples) {
      expect(gpkgDateTime(ms), String(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
