import type Database from "better-sqlite3";

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const CELL = 24;
const BATCH = 100;

/** A float32 at or below `x` (R-tree minimums must not grow when stored in single precision). */
function down(x: number): number {
  const f = Math.fround(x);
  if (f <= x) return f;
  return nextFloat32(f, -1);
}

/** A float32 at or above `x`. */
function up(x: number): number {
  const f = Math.fround(x);
  if (f >= x) return f;
  return nextFloat32(f, 1);
}

const scratch = new DataView(new ArrayBuffer(4));
function nextFloat32(f: number, direction: 1 | -1): number {
  if (f === 0) return direction * 1.401298464324817e-45;
  scratch.setFloat32(0, f);
  const bits = scratch.getInt32(0);
  scratch.setInt32(0, (f > 0) === (direction > 0) ? bits + 1 : bits - 1);
  return scratch.getFloat32(0);
}

/** An entry of an R-tree level: a row id (leaves) or a node number, and its box. */
interface Entry {
  id: number;
  minx: number;
  maxx: number;
  miny: number;
  maxy: number;
}

/**
 * Builds the SQLite R-tree of a GeoPackage spatial index in one pass instead
 * of a row at a time: envelopes staged in a temporary table during the load
 * are read back in Sort-Tile-Recursive order (sorted by x into slabs, each slab
 * by y, by SQLite's sorter, so memory stays bounded), packed into full leaves
 * written straight into the R-tree's node, rowid and parent tables, and the
 * upper levels (a few thousand entries for a million rows) packed in memory
 * the same way. The result is an ordinary R-tree: SQLite and GDAL read it, and
 * later edits update it through the usual triggers. Inserting row by row cost
 * several times the whole rest of a point layer's export.
 */
export class RtreeBuilder {
  readonly #db: Database.Database;
  readonly #rtree: string;
  readonly #stage: string;
  readonly #insertBatch: Database.Statement;
  readonly #insertOne: Database.Statement;
  /** Boxes waiting to be staged, five values each: one statement per batch instead of per row. */
  readonly #pending: (number | bigint)[] = [];

  /** @param rtree - name of the (empty) R-tree virtual table */
  constructor(db: Database.Database, rtree: string) {
    this.#db = db;
    this.#rtree = rtree;
    this.#stage = `temp.${quote(`${rtree}_stage`)}`;
    db.exec(`CREATE TABLE ${this.#stage} (id INTEGER PRIMARY KEY, minx REAL, maxx REAL, miny REAL, maxy REAL)`);
    const rows = Array.from({ length: BATCH }, () => "(?, ?, ?, ?, ?)").join(", ");
    this.#insertBatch = db.prepare(`INSERT INTO ${this.#stage} VALUES ${rows}`);
    this.#insertOne = db.prepare(`INSERT INTO ${this.#stage} VALUES (?, ?, ?, ?, ?)`);
  }

  /** Stages the box of row `id`. */
  add(id: number | bigint, minx: number, maxx: number, miny: number, maxy: number): void {
    const pending = this.#pending;
    pending.push(id, minx, maxx, miny, maxy);
    if (pending.length === BATCH * 5) {
      this.#insertBatch.run(pending);
      pending.length = 0;
    }
  }

  /** Stages what is pending (call before committing a transaction). */
  flush(): void {
    const pending = this.#pending;
    for (let i = 0; i < pending.length; i += 5) this.#insertOne.run(pending.slice(i, i + 5));
    pending.length = 0;
  }

  /** Writes the tree (call inside the load's last transaction) and drops the staging table. */
  finish(): void {
    this.flush();
    const db = this.#db;
    // Writing the R-tree's own tables, while reading the sorted boxes, needs SQLite's defensive mode off.
    db.unsafeMode(true);
    try {
      this.#write();
    } finally {
      db.unsafeMode(false);
    }
  }

  #write(): void {
    const db = this.#db;
    const node = quote(`${this.#rtree}_node`);
    const size = (db.prepare(`SELECT length(data) AS n FROM ${node} WHERE nodeno = 1`).get() as { n: number }).n;
    const capacity = Math.floor((size - 4) / CELL);
    const total = (db.prepare(`SELECT count(*) AS n FROM ${this.#stage}`).get() as { n: number }).n;
    const writeNode = db.prepare(`INSERT OR REPLACE INTO ${node} (nodeno, data) VALUES (?, ?)`);
    const writeParent = db.prepare(`INSERT INTO ${quote(`${this.#rtree}_parent`)} (nodeno, parentnode) VALUES (?, ?)`);
    if (total > 0) {
      // Leaves in STR order; node 1 is the root, so other nodes are numbered from 2.
      const leafCount = Math.ceil(total / capacity);
      const slab = Math.ceil(Math.sqrt(leafCount)) * capacity;
      // The order, once, in a temporary table: its row number k puts row k in leaf first + k / capacity.
      const ordered = `temp.${quote(`${this.#rtree}_ordered`)}`;
      db.exec(
        `CREATE TABLE ${ordered} AS SELECT id, minx, maxx, miny, maxy FROM (SELECT *, (row_number() OVER (ORDER BY minx + maxx) - 1) / ${slab} AS slab FROM ${this.#stage}) ORDER BY slab, miny + maxy`,
      );
      const first = total <= capacity ? 1 : 2;
      db.exec(`INSERT INTO ${quote(`${this.#rtree}_rowid`)} (rowid, nodeno) SELECT id, ${first} + (rowid - 1) / ${capacity} FROM ${ordered}`);
      const rows = db.prepare(`SELECT id, minx, maxx, miny, maxy FROM ${ordered} ORDER BY rowid`).raw().iterate() as IterableIterator<
        [number, number, number, number, number]
      >;
      let next = first;
      let level: Entry[] = [];
      let cells: Entry[] = [];
      const flushLeaf = (): void => {
        const nodeno = total <= capacity ? 1 : next++;
        writeNode.run(nodeno, encodeNode(cells, size, 0));
        level.push(boxOf(nodeno, cells));
        cells = [];
      };
      for (const [id, minx, maxx, miny, maxy] of rows) {
        cells.push({ id, minx: down(minx), maxx: up(maxx), miny: down(miny), maxy: up(maxy) });
        if (cells.length === capacity) flushLeaf();
      }
      if (cells.length > 0) flushLeaf();
      // Upper levels until one node holds the rest: that is the root, with the depth in its first two bytes.
      let depth = 0;
      while (level.length > 1) {
        depth++;
        const root = level.length <= capacity;
        const parents: Entry[] = [];
        for (const group of strGroups(level, capacity)) {
          const nodeno = root ? 1 : next++;
          writeNode.run(nodeno, encodeNode(group, size, root ? depth : 0));
          for (const child of group) writeParent.run(child.id, nodeno);
          parents.push(boxOf(nodeno, group));
        }
        level = parents;
      }
    }
    db.exec(`DROP TABLE ${this.#stage}`);
    db.exec(`DROP TABLE IF EXISTS temp.${quote(`${this.#rtree}_ordered`)}`);
  }
}

/** The box around `entries`, as an entry for node `id`. */
function boxOf(id: number, entries: Entry[]): Entry {
  const box = { id, minx: Infinity, maxx: -Infinity, miny: Infinity, maxy: -Infinity };
  for (const e of entries) {
    if (e.minx < box.minx) box.minx = e.minx;
    if (e.maxx > box.maxx) box.maxx = e.maxx;
    if (e.miny < box.miny) box.miny = e.miny;
    if (e.maxy > box.maxy) box.maxy = e.maxy;
  }
  return box;
}

/** Sort-Tile-Recursive grouping of one level in memory. */
function strGroups(entries: Entry[], capacity: number): Entry[][] {
  const byX = [...entries].sort((a, b) => a.minx + a.maxx - (b.minx + b.maxx));
  const slab = Math.ceil(Math.sqrt(Math.ceil(entries.length / capacity))) * capacity;
  const groups: Entry[][] = [];
  for (let s = 0; s < byX.length; s += slab) {
    const column = byX.slice(s, s + slab).sort((a, b) => a.miny + a.maxy - (b.miny + b.maxy));
    for (let i = 0; i < column.length; i += capacity) groups.push(column.slice(i, i + capacity));
  }
  return groups;
}

/** An R-tree node blob: depth (root only), cell count, then id and float32 box per cell, big-endian, zero-padded. */
function encodeNode(cells: Entry[], size: number, depth: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, depth);
  view.setUint16(2, cells.length);
  let at = 4;
  for (const c of cells) {
    view.setBigInt64(at, BigInt(c.id));
    view.setFloat32(at + 8, c.minx);
    view.setFloat32(at + 12, c.maxx);
    view.setFloat32(at + 16, c.miny);
    view.setFloat32(at + 20, c.maxy);
    at += CELL;
  }
  return bytes;
}
