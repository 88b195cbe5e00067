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

/** Where leaves go: numbered from `first` (node 1 alone when one leaf holds every box), `capacity` cells of a `size`-byte node each. */
interface LeafLayout {
  first: number;
  capacity: number;
  size: number;
  writeNode: Database.Statement;
}

/** Boxes sorted in memory up to this many (24 bytes each, under 10 MB); beyond, SQLite sorts them on disk. */
export const RTREE_IN_MEMORY = 400_000;

/**
 * Builds the SQLite R-tree of a GeoPackage spatial index in one pass instead
 * of a row at a time: the boxes are put in Sort-Tile-Recursive order (sorted
 * by x into slabs, each slab by y), packed into full leaves written straight
 * into the R-tree's node, rowid and parent tables, and the upper levels (a few
 * thousand entries for a million rows) packed the same way. Up to
 * {@link RTREE_IN_MEMORY} boxes are kept and sorted in typed arrays; a larger
 * layer spills them to a temporary table sorted by SQLite (on disk, so memory
 * stays bounded). The result is an ordinary R-tree: SQLite and GDAL read it,
 * and later edits update it through the usual triggers. Inserting row by row
 * cost more than the rest of a point layer's export.
 */
export class RtreeBuilder {
  readonly #db: Database.Database;
  readonly #rtree: string;
  readonly #limit: number;
  #ids = new Float64Array(1024);
  #boxes = new Float32Array(4096);
  #count = 0;
  /** Set once the boxes went to the staging table. */
  #stage: { name: string; batch: Database.Statement; one: Database.Statement } | undefined;
  /** Boxes waiting to be staged, five values each: one statement per batch instead of per row. */
  readonly #pending: (number | bigint)[] = [];

  /**
   * @param rtree - name of the (empty) R-tree virtual table
   * @param inMemory - boxes sorted in memory at most (default {@link RTREE_IN_MEMORY})
   */
  constructor(db: Database.Database, rtree: string, inMemory = RTREE_IN_MEMORY) {
    this.#db = db;
    this.#rtree = rtree;
    this.#limit = inMemory;
  }

  /** Adds the box of row `id`. */
  add(id: number | bigint, minx: number, maxx: number, miny: number, maxy: number): void {
    if (this.#stage) {
      this.#staged(id, minx, maxx, miny, maxy);
      return;
    }
    if (this.#count === this.#limit) {
      this.#spill();
      this.#staged(id, minx, maxx, miny, maxy);
      return;
    }
    if (this.#count === this.#ids.length) {
      const ids = new Float64Array(Math.min(this.#ids.length * 2, this.#limit));
      ids.set(this.#ids);
      this.#ids = ids;
      const boxes = new Float32Array(ids.length * 4);
      boxes.set(this.#boxes);
      this.#boxes = boxes;
    }
    const at = this.#count * 4;
    this.#ids[this.#count++] = Number(id);
    this.#boxes[at] = down(minx);
    this.#boxes[at + 1] = up(maxx);
    this.#boxes[at + 2] = down(miny);
    this.#boxes[at + 3] = up(maxy);
  }

  #spill(): void {
    const name = `temp.${quote(`${this.#rtree}_stage`)}`;
    this.#db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY, minx REAL, maxx REAL, miny REAL, maxy REAL)`);
    const rows = Array.from({ length: BATCH }, () => "(?, ?, ?, ?, ?)").join(", ");
    this.#stage = { name, batch: this.#db.prepare(`INSERT INTO ${name} VALUES ${rows}`), one: this.#db.prepare(`INSERT INTO ${name} VALUES (?, ?, ?, ?, ?)`) };
    const boxes = this.#boxes;
    for (let i = 0; i < this.#count; i++) this.#staged(this.#ids[i], boxes[i * 4], boxes[i * 4 + 1], boxes[i * 4 + 2], boxes[i * 4 + 3]);
    this.#ids = new Float64Array(0);
    this.#boxes = new Float32Array(0);
  }

  #staged(id: number | bigint, minx: number, maxx: number, miny: number, maxy: number): void {
    const pending = this.#pending;
    pending.push(id, minx, maxx, miny, maxy);
    if (pending.length === BATCH * 5 && this.#stage) {
      this.#stage.batch.run(...pending);
      pending.length = 0;
    }
  }

  /** Stages what is pending (call before committing a transaction). */
  flush(): void {
    const pending = this.#pending;
    if (this.#stage) for (let i = 0; i < pending.length; i += 5) this.#stage.one.run(pending.slice(i, i + 5));
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
    const stage = this.#stage;
    const total = stage ? (db.prepare(`SELECT count(*) AS n FROM ${stage.name}`).get() as { n: number }).n : this.#count;
    const writeNode = db.prepare(`INSERT OR REPLACE INTO ${node} (nodeno, data) VALUES (?, ?)`);
    if (total > 0) {
      // Leaves in STR order; node 1 is the root, so other nodes are numbered from 2.
      const first = total <= capacity ? 1 : 2;
      const slab = Math.ceil(Math.sqrt(Math.ceil(total / capacity))) * capacity;
      const leaves = { first, capacity, size, writeNode };
      let level: Entry[];
      if (stage) level = this.#stagedLeaves(stage.name, slab, total, leaves);
      else {
        const order = this.#strOrder(slab);
        this.#writeRowids(order, first, capacity);
        level = this.#writeLeaves(order, leaves);
      }
      // Upper levels until one node holds the rest: that is the root, with the depth in its first two bytes.
      const writeParent = db.prepare(`INSERT INTO ${quote(`${this.#rtree}_parent`)} (nodeno, parentnode) VALUES (?, CAST(? AS INTEGER))`);
      let next = first + level.length;
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
    if (stage) {
      db.exec(`DROP TABLE ${stage.name}`);
      db.exec(`DROP TABLE IF EXISTS temp.${quote(`${this.#rtree}_ordered`)}`);
    }
  }

  /** The leaves of a spilled layer, ordered by SQLite, with the rowid map; returns their entries. */
  #stagedLeaves(staged: string, slab: number, total: number, { first, capacity, size, writeNode }: LeafLayout): Entry[] {
    const db = this.#db;
    // The order, once, in a temporary table: its row number k puts row k in leaf first + k / capacity.
    const ordered = `temp.${quote(`${this.#rtree}_ordered`)}`;
    db.exec(
      `CREATE TABLE ${ordered} AS SELECT id, minx, maxx, miny, maxy FROM (SELECT *, (row_number() OVER (ORDER BY minx + maxx) - 1) / ${slab} AS slab FROM ${staged}) ORDER BY slab, miny + maxy`,
    );
    db.exec(`INSERT INTO ${quote(`${this.#rtree}_rowid`)} (rowid, nodeno) SELECT id, ${first} + (rowid - 1) / ${capacity} FROM ${ordered}`);
    const sorted = entriesOf(db.prepare(`SELECT id, minx, maxx, miny, maxy FROM ${ordered} ORDER BY rowid`).raw().iterate() as IterableIterator<number[]>);
    const level: Entry[] = [];
    let cells: Entry[] = [];
    const flushLeaf = (): void => {
      const nodeno = total <= capacity ? 1 : first + level.length;
      writeNode.run(nodeno, encodeNode(cells, size, 0));
      level.push(boxOf(nodeno, cells));
      cells = [];
    };
    for (const entry of sorted) {
      cells.push(entry);
      if (cells.length === capacity) flushLeaf();
    }
    if (cells.length > 0) flushLeaf();
    return level;
  }

  /**
   * Indices of the in-memory boxes in STR order, sorted without a comparator (a callback
   * per comparison cost a tenth of a point layer's export): by the box centre quantised
   * to 2^33 steps of the extent, ties by index.
   */
  #strOrder(slab: number): Uint32Array {
    const n = this.#count;
    const b = this.#boxes;
    const order = sortedIndices(n, (i) => b[i * 4] + b[i * 4 + 1]);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) ys[i] = b[i * 4 + 2] + b[i * 4 + 3];
    for (let s = 0; s < n; s += slab) {
      const part = order.subarray(s, Math.min(n, s + slab));
      const inPart = sortedIndices(part.length, (k) => ys[part[k] as number] as number);
      const copy = part.slice();
      for (let k = 0; k < part.length; k++) part[k] = copy[inPart[k] as number] as number;
    }
    return order;
  }

  /**
   * The rowid → leaf map, in rowid order (appending to the table's B-tree, not inserting all over it),
   * many rows a statement, passed as arguments (better-sqlite3 binds those faster than an array's
   * elements; measured a little faster than one statement over `json_each` of the leaf numbers).
   */
  #writeRowids(order: Uint32Array, first: number, capacity: number): void {
    const table = quote(`${this.#rtree}_rowid`);
    const n = order.length;
    const ids = this.#ids;
    const leafOf = new Uint32Array(n);
    for (let k = 0; k < n; k++) leafOf[order[k] as number] = first + Math.floor(k / capacity);
    // Node numbers as integers, as SQLite's own R-tree writes them (a JavaScript number binds as a double).
    const row = "(?, CAST(? AS INTEGER))";
    const batch = this.#db.prepare(`INSERT INTO ${table} (rowid, nodeno) VALUES ${Array.from({ length: BATCH }, () => row).join(", ")}`);
    const one = this.#db.prepare(`INSERT INTO ${table} (rowid, nodeno) VALUES ${row}`);
    const values: number[] = [];
    // Row ids grow with the insertion order (the table's only writer, AUTOINCREMENT): box i is the i-th id.
    for (let i = 0; i < n; i++) {
      values.push(ids[i] as number, leafOf[i] as number);
      if (values.length === BATCH * 2) {
        batch.run(...values);
        values.length = 0;
      }
    }
    for (let i = 0; i < values.length; i += 2) one.run(values[i], values[i + 1]);
  }

  /**
   * Writes the leaves (node 1 when one holds every box, else from node `first` on), encoded
   * straight from the typed arrays, and returns their entries for the level above.
   */
  #writeLeaves(order: Uint32Array, { first, capacity, size, writeNode }: LeafLayout): Entry[] {
    const n = order.length;
    const ids = this.#ids;
    const b = this.#boxes;
    const level: Entry[] = [];
    for (let s = 0; s < n; s += capacity) {
      const end = Math.min(n, s + capacity);
      const bytes = new Uint8Array(size);
      const view = new DataView(bytes.buffer);
      view.setUint16(2, end - s);
      const box = { id: n <= capacity ? 1 : first + s / capacity, minx: Infinity, maxx: -Infinity, miny: Infinity, maxy: -Infinity };
      let at = 4;
      for (let k = s; k < end; k++) {
        const i = order[k] as number;
        const minx = b[i * 4] as number;
        const maxx = b[i * 4 + 1] as number;
        const miny = b[i * 4 + 2] as number;
        const maxy = b[i * 4 + 3] as number;
        setId(view, at, ids[i] as number);
        view.setFloat32(at + 8, minx);
        view.setFloat32(at + 12, maxx);
        view.setFloat32(at + 16, miny);
        view.setFloat32(at + 20, maxy);
        at += CELL;
        if (minx < box.minx) box.minx = minx;
        if (maxx > box.maxx) box.maxx = maxx;
        if (miny < box.miny) box.miny = miny;
        if (maxy > box.maxy) box.maxy = maxy;
      }
      writeNode.run(box.id, bytes);
      level.push(box);
    }
    return level;
  }
}

/** A cell's 64-bit big-endian id (an integer below 2^53 in magnitude) without a BigInt. */
function setId(view: DataView, at: number, id: number): void {
  const high = Math.floor(id / 4_294_967_296);
  view.setInt32(at, high);
  view.setUint32(at + 4, id - high * 4_294_967_296);
}

const STEPS = 2 ** 33;
const DIGIT = 2048;
const LOW = 2 ** 22;

/**
 * Indices `0..n-1` ordered by `keyOf` quantised to 2^33 steps of its range (ties by index):
 * a stable radix sort, three passes of 11 bits (a numeric sort of packed keys took three times as long).
 */
function sortedIndices(n: number, keyOf: (i: number) => number): Uint32Array {
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    keys[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const scale = max > min ? (STEPS - 1) / (max - min) : 0;
  // Each key as high and low digits; the high part can reach 2048 when rounding lands on 2^33.
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  const count0 = new Uint32Array(DIGIT);
  const count1 = new Uint32Array(DIGIT);
  const count2 = new Uint32Array(DIGIT + 1);
  for (let i = 0; i < n; i++) {
    const q = Math.floor(((keys[i] as number) - min) * scale);
    const h = Math.floor(q / LOW);
    const l = q - h * LOW;
    high[i] = h;
    low[i] = l;
    (count0[l & (DIGIT - 1)] as number)++;
    (count1[l >>> 11] as number)++;
    (count2[h] as number)++;
  }
  offsets(count0);
  offsets(count1);
  offsets(count2);
  const a = new Uint32Array(n);
  const b = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[(count0[(low[i] as number) & (DIGIT - 1)] as number)++] = i;
  for (let k = 0; k < n; k++) {
    const i = a[k] as number;
    b[(count1[(low[i] as number) >>> 11] as number)++] = i;
  }
  for (let k = 0; k < n; k++) {
    const i = b[k] as number;
    a[(count2[high[i] as number] as number)++] = i;
  }
  return a;
}

/** Counts per digit → the first position of each digit. */
function offsets(counts: Uint32Array): void {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d] as number;
    counts[d] = sum;
    sum += c;
  }
}

/** Entries from SQL rows `[id, minx, maxx, miny, maxy]`, rounded outwards to float32. */
function* entriesOf(rows: Iterable<number[]>): Generator<Entry> {
  for (const [id, minx, maxx, miny, maxy] of rows) yield { id, minx: down(minx), maxx: up(maxx), miny: down(miny), maxy: up(maxy) };
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
    setId(view, at, c.id);
    view.setFloat32(at + 8, c.minx);
    view.setFloat32(at + 12, c.maxx);
    view.setFloat32(at + 16, c.miny);
    view.setFloat32(at + 20, c.maxy);
    at += CELL;
  }
  return bytes;
}
