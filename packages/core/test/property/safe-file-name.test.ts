/**
 * Property: whatever name a server sends for an attachment, replica layer or feature, safeFileName gives
 * one file name that stays inside the folder it is joined to and that every system accepts; real files
 * are written with a sample of them. Seed printed; FC_SEED=<seed> replays a run.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SAFE_NAME_BYTES, safeFileName } from "../../src/internal.js";

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const bytes = (s: string): number => new TextEncoder().encode(s).length;

/** Names a hostile or careless server sends. */
const hostileName: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 400, unit: "binary" }),
  fc.string({ maxLength: 40, unit: fc.constantFrom(".", "/", "\\", " ", "a", ":", "\u0000", "\n") }),
  fc.constantFrom("../../x", "..", ".", "", "   ", "/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x", "CON", "nul", "aux.txt", "Com1.log", "LPT9", "trailing. . ."),
  fc.tuple(fc.constantFrom("CON", "PRN", "AUX", "NUL", "COM3", "lpt1"), fc.string({ maxLength: 5 })).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.string({ minLength: 250, maxLength: 400, unit: "grapheme" }), fc.constantFrom(".txt", ".jpeg", "")).map(([a, b]) => a + b),
);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "arcrest-names-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe(`safeFileName (fast-check seed ${SEED}; rerun with FC_SEED=${SEED})`, () => {
  it("gives one safe name inside the folder for any name", () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const safe = safeFileName(name, "fallback");
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f]/);
        expect(safe).not.toMatch(/^\.+$|[. ]$/);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
        expect(bytes(safe)).toBeLessThanOrEqual(MAX_SAFE_NAME_BYTES);
        const rel = relative(folder, join(folder, safe));
        expect(rel).toBe(safe);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("keeps safe names unchanged and the extension of long ones", () => {
    for (const name of ["photo.jpg", ".hidden", "名前 1.png", "console.log", "a..b"]) expect(safeFileName(name, "x")).toBe(name);
    expect(safeFileName("../../x", "f")).toBe(".._.._x");
    expect(safeFileName("..", "f")).toBe("f");
    expect(safeFileName("aux.txt", "f")).toBe("_aux.txt");
    expect(safeFileName(`${"é".repeat(300)}.txt`, "f")).toBe(`${"é".repeat(98)}.txt`);
  });

  it("gives names the file system accepts: each written file lands in the folder", async () => {
    const names = fc.sample(hostileName, { seed: SEED + 1, numRuns: 300 });
    const written = new Set<string>();
    for (const [i, name] of names.entries()) {
      const safe = `${i}-${safeFileName(name, "fallback")}`;
      await writeFile(join(folder, safe), String(i));
      written.add(safe);
    }
    expect(new Set(await readdir(folder))).toEqual(written);
  });
});
