import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { RtreeBuilder } from "./gpkg-rtree.js";

const dir = mkdtempSync(join(tmpdir(), "arcrest-rtree-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic boxes: mostly points, some wider boxes. */
function boxes(n: number): number[][] {
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: n }, (_, i) => {
    const x = -120 + rnd() * 40;
    const y = 20 + rnd() * 30;
    const w = i % 5 === 0 ? rnd() * 2 : 0;
    return [i * 3 + 1, x, x + w, y, y + w];
  });
}

function build(n: number, inMemory: number): { db: Database.Database; data: number[][] } {
  const db = new Database(join(dir, `t-${n}-${inMemory}.db`));
  db.exec("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)");
  const data = boxes(n);
  db.exec("BEGIN");
  const builder = new RtreeBuilder(db, "r", inMemory);
  for (const [id, minx, maxx, miny, maxy] of data) builder.add(id, minx, maxx, miny, maxy);
  builder.finish();
  db.exec("COMMIT");
  return { db, data };
}

describe("RtreeBuilder", () => {
  it.each([
    ["in memory", 20_000, 1_000_000],
    ["spilled to SQLite's sorter", 20_000, 1_000],
    ["a single leaf", 30, 1_000_000],
    ["nothing", 0, 1_000_000],
  ])("packs a valid R-tree that answers window queries like a scan (%s)", (_name, n, inMemory) => {
    const { db, data } = build(n, inMemory);
    try {
      expect(db.prepare("SELECT rtreecheck('r') AS r").get()).toEqual({ r: "ok" });
      expect(db.prepare("SELECT count(*) AS n FROM r").get()).toEqual({ n });
      const windows = [
        [-110, -100, 30, 35],
        [-90, -80, 40, 50],
        [-125, -75, 15, 55],
      ];
      for (const [x1, x2, y1, y2] of windows) {
        const found = (db.prepare("SELECT id FROM r WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ORDER BY id").all(x2, x1, y2, y1) as { id: number }[]).map((r) => r.id);
        const expected = data.filter(([, minx, maxx, miny, maxy]) => minx <= x2 && maxx >= x1 && miny <= y2 && maxy >= y1).map(([id]) => id);
        expect(found).toEqual(expected);
      }
      // The index stays live: the R-tree accepts ordinary inserts and deletes afterwards.
      db.prepare("INSERT INTO r VALUES (?, ?, ?, ?, ?)").run(1e9, 0, 1, 0, 1);
      db.prepare("DELETE FROM r WHERE id = ?").run(data[0]?.[0] ?? 1e9);
      expect(db.prepare("SELECT rtreecheck('r') AS r").get()).toEqual({ r: "ok" });
    } finally {
      db.close();
    }
  });
});
