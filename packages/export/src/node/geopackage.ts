import type { SpatialReference } from "@arcrest/core";
import Database from "better-sqlite3";
import { ByteBuffer } from "../bytes/byte-buffer.js";
import { GpkgGeometryEncoder, gpkgGeometryName } from "../gpkg/gpkg-geometry.js";
import { prepareSource } from "../input/prepare-source.js";
import type { ExportFeature, FeatureSource, WriterOptions } from "../types.js";
import { FeatureBatches } from "../input/feature-batches.js";
import type { Column } from "../values/columns.js";
import { columnEncoder } from "../values/column-encoder.js";
import { isoDateTimeMillis, isoText, toEpochMillis } from "../values/dates.js";
import { plainValue } from "../values/plain-value.js";
import { fullPrjResolver } from "./full-prj.js";
import { RtreeBuilder } from "./gpkg-rtree.js";

/** `GPKG` as the SQLite application id, and GeoPackage 1.2 as the user version (what GDAL writes by default). */
const APPLICATION_ID = 0x47504b47;
const USER_VERSION = 10200;
/** Rows per transaction: bounded, so the journal and memory stay small on any layer. */
export const GPKG_ROWS_PER_TRANSACTION = 20_000;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const CORE_TABLES = `
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
`;

/** Creates an empty GeoPackage at `path` (which must not exist) and returns it open. */
export async function createGeoPackage(path: string): Promise<Database.Database> {
  const db = new Database(path);
  try {
    // The file is a temporary one renamed at the end: a crash leaves only a temp file, so no journal on disk.
    db.pragma("journal_mode = MEMORY");
    db.pragma("synchronous = OFF");
    // A small page cache (main and temporary files alike): rows stream through, and memory stays flat.
    db.pragma("cache_size = -4096");
    db.pragma("temp.cache_size = -4096");
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${USER_VERSION}`);
    db.exec(CORE_TABLES);
    const wgs84 = (await fullPrjResolver({ wkid: 4326 })) ?? "undefined";
    db.prepare("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')").run(wgs84);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The srs id of a spatial reference in the file, adding its row (WKT from the `.prj` tables) when new. */
async function srsIdFor(db: Database.Database, sr: SpatialReference): Promise<number> {
  const code = sr.latestWkid ?? sr.wkid;
  const wkt = await fullPrjResolver(sr);
  if (code === undefined && !wkt) return 0;
  let id = code ?? 100_000;
  if (code === undefined) {
    const same = db.prepare("SELECT srs_id FROM gpkg_spatial_ref_sys WHERE definition = ?").get(wkt) as { srs_id: number } | undefined;
    if (same) return same.srs_id;
    const max = db.prepare("SELECT max(srs_id) AS m FROM gpkg_spatial_ref_sys").get() as { m: number };
    id = Math.max(100_000, max.m + 1);
  } else if (db.prepare("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?").get(id)) return id;
  const organization = code === undefined ? "NONE" : code < 32768 ? "EPSG" : "ESRI";
  const name = /^[A-Z]+CS\["([^"]*)"/.exec(wkt ?? "")?.[1] ?? `${organization}:${id}`;
  db.prepare("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)").run(name, id, organization, code ?? id, wkt ?? "undefined");
  return id;
}

/** The SQL type of a column (GeoPackage data types: no width limits, 64-bit integers, ISO dates). */
function sqlType(column: Column): string {
  switch (column.kind) {
    case "integer":
      return column.bits === 16 ? "SMALLINT" : column.bits === 64 ? "INTEGER" : "MEDIUMINT";
    case "double":
      return column.precision === 32 ? "FLOAT" : "DOUBLE";
    case "date":
    case "timestamp":
      return "DATETIME";
    case "dateonly":
      return "DATE";
    case "boolean":
      return "BOOLEAN";
    case "string":
      return column.length ? `TEXT(${column.length})` : "TEXT";
    default:
      return "TEXT";
  }
}

const YEAR_0 = -62167219200000;
const YEAR_10000 = 253402300800000;

/**
 * `Date.prototype.toISOString()` (`YYYY-MM-DDTHH:MM:SS.SSSZ`) from the writers' table-driven
 * formatter for years 1000 to 9999: a `Date` per value cost a tenth of a GeoPackage export's CPU.
 */
export function gpkgDateTime(ms: number): string {
  return isoDateTimeMillis(ms);
}

/** A date column's value: UTC ISO text with milliseconds for years 0 to 9999, else the writers' ISO text (signed years). */
function gpkgDate(ms: number): string | null {
  return ms >= YEAR_0 && ms < YEAR_10000 ? isoDateTimeMillis(ms) : (isoText("date", ms) ?? null);
}

type SqlValue = string | number | bigint | null;

/** A column's value as bound: dates as UTC ISO text, booleans 0/1, 64-bit integers beyond 2^53 as BigInt. */
function sqlValue(column: Column, attributes: Record<string, unknown> | null | undefined): SqlValue {
  const raw = attributes?.[column.name];
  if (raw === null || raw === undefined) return null;
  switch (column.kind) {
    case "date":
    case "timestamp": {
      // The form the GeoPackage spec requires: UTC with milliseconds, `YYYY-MM-DDTHH:MM:SS.SSSZ`.
      const ms = toEpochMillis(raw);
      return ms === undefined ? null : gpkgDate(ms);
    }
    case "integer":
      if (typeof raw === "bigint") return raw;
      break;
    case "boolean": {
      const value = plainValue(column, attributes);
      return value === null ? null : value ? 1 : 0;
    }
  }
  const value = plainValue(column, attributes);
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

/** A column's {@link sqlValue}, with numbers and strings taken as they are. */
function columnValue(column: Column): (attributes: Record<string, unknown> | null | undefined) => SqlValue {
  const as = <V extends SqlValue>(value: V): V => value;
  return columnEncoder<SqlValue>(column, { number: as, string: as, date: gpkgDate, empty: null, other: (attributes) => sqlValue(column, attributes) });
}

/** Cells of a batch passed to better-sqlite3 as arguments at most (beyond, as one array). */
const MAX_SPREAD = 4096;

/** Rows per multi-row INSERT: binding 16 rows at once halves SQLite's per-row cost (measured: 0.53 s → 0.22 s per 200,000 rows). */
const ROWS_PER_INSERT = 16;

/**
 * Gathers rows and inserts them {@link ROWS_PER_INSERT} at a time (the rest one by one at
 * {@link RowBatcher.flush}). Cells go straight into one flat parameter array. Geometries go
 * into one byte buffer per batch, bound once, that SQL cuts into each row's blob
 * (`substr(@g, offset, length)`, `NULL` for a `NULL` length): an array per geometry and
 * its binding cost more than SQLite's copy. The table's `fid` is an AUTOINCREMENT key and
 * this is its only writer, so a batch's rows get consecutive ids ending at `lastInsertRowid`:
 * each row's box goes to the R-tree builder with its id.
 */
class RowBatcher {
  /** The batch's geometries, back to back: encode a row's into it after {@link next}. */
  readonly blobs = new ByteBuffer(1 << 16);
  /** The batch's cells, row after row ({@link next} gives a row's first attribute cell). */
  readonly values: SqlValue[];
  readonly #batch: Database.Statement;
  readonly #one: Database.Statement;
  readonly #width: number;
  readonly #geometry: boolean;
  readonly #boxes = new Float64Array(ROWS_PER_INSERT * 4);
  readonly #hasBox = new Uint8Array(ROWS_PER_INSERT);
  readonly #index: RtreeBuilder | undefined;
  readonly #named: { g: Uint8Array } = { g: new Uint8Array(0) };
  #pending = 0;

  /** @param geom - name of the geometry column (first), or `undefined` for a table without */
  constructor(db: Database.Database, table: string, geom: string | undefined, names: string[], index: RtreeBuilder | undefined) {
    const columns = [...(geom ? [geom] : []), ...names];
    const into = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES `;
    const one = `(${[...(geom ? ["substr(@g, ?, ?)"] : []), ...names.map(() => "?")].join(", ")})`;
    this.#batch = db.prepare(into + Array.from({ length: ROWS_PER_INSERT }, () => one).join(", "));
    this.#one = db.prepare(into + one);
    this.#geometry = geom !== undefined;
    this.#width = names.length + (geom ? 2 : 0);
    this.values = new Array(ROWS_PER_INSERT * this.#width).fill(null);
    this.#index = index;
  }

  /**
   * Starts the next row (inserting the previous full batch first) and returns the index in
   * {@link values} of its first attribute cell; in a table with geometry, call {@link geometry} next.
   */
  next(): number {
    if (this.#pending === ROWS_PER_INSERT) this.#insertBatch();
    const k = this.#pending++;
    this.#hasBox[k] = 0;
    return k * this.#width + (this.#geometry ? 2 : 0);
  }

  /**
   * The current row's geometry: the bytes of {@link blobs} from `start` to its end, and the box for
   * the R-tree; `undefined` for `NULL`.
   */
  geometry(start: number | undefined, box: ArrayLike<number> | undefined): void {
    const k = this.#pending - 1;
    const at = k * this.#width;
    this.values[at] = start === undefined ? 1 : start + 1;
    this.values[at + 1] = start === undefined ? null : this.blobs.length - start;
    if (!box) return;
    this.#hasBox[k] = 1;
    const b = this.#boxes;
    b[k * 4] = box[0] as number;
    b[k * 4 + 1] = box[1] as number;
    b[k * 4 + 2] = box[2] as number;
    b[k * 4 + 3] = box[3] as number;
  }

  /** Inserts every row gathered. */
  flush(): void {
    if (this.#pending === ROWS_PER_INSERT) {
      this.#insertBatch();
      return;
    }
    const width = this.#width;
    this.#bindBlobs();
    for (let k = 0; k < this.#pending; k++) {
      const row = this.values.slice(k * width, (k + 1) * width);
      this.#indexRow(k, (this.#geometry ? this.#one.run(row, this.#named) : this.#one.run(row)).lastInsertRowid);
    }
    this.#done();
  }

  #insertBatch(): void {
    this.#bindBlobs();
    const last = Number(this.#runBatch().lastInsertRowid);
    for (let k = 0; k < ROWS_PER_INSERT; k++) this.#indexRow(k, last - (ROWS_PER_INSERT - 1 - k));
    this.#done();
  }

  /**
   * The batch statement, its cells passed as arguments: better-sqlite3 binds those faster than
   * an array's elements, which it reads one by one through the V8 API (measured: 0.26 → 0.20 s
   * per 200,000 rows of six columns). Very wide tables pass the array, to keep the call small.
   */
  #runBatch(): Database.RunResult {
    const values = this.values;
    if (values.length > MAX_SPREAD) return this.#geometry ? this.#batch.run(values, this.#named) : this.#batch.run(values);
    return this.#geometry ? this.#batch.run(...values, this.#named) : this.#batch.run(...values);
  }

  #bindBlobs(): void {
    this.#named.g = this.blobs.bytes.subarray(0, this.blobs.length);
  }

  #done(): void {
    this.#pending = 0;
    this.blobs.length = 0;
  }

  #indexRow(k: number, id: number | bigint): void {
    if (!this.#index || this.#hasBox[k] === 0) return;
    const b = this.#boxes;
    this.#index.add(id, b[k * 4] as number, b[k * 4 + 1] as number, b[k * 4 + 2] as number, b[k * 4 + 3] as number);
  }
}

/** Names not taken by a field, case-insensitively (SQLite column names are). */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 1; taken.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A table name SQLite and every reader accept: letters, digits and underscores, not starting with a digit or `gpkg_`. */
export function gpkgTableName(name: string, db?: Database.Database): string {
  let base = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "layer";
  if (/^\d/.test(base) || /^(gpkg|rtree|sqlite)_/i.test(base)) base = `t_${base}`;
  let table = base;
  const exists = db?.prepare("SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)");
  for (let i = 1; exists?.get(table); i++) table = `${base}_${i}`;
  return table;
}

/** What {@link writeGeoPackageTable} wrote. */
export interface GeoPackageTableResult {
  table: string;
  featureCount: number;
}

/**
 * Writes a feature source as one table of an open GeoPackage: the feature
 * table with an integer primary key `fid` and a `geom` column, its rows in
 * `gpkg_contents` (with the extent) and `gpkg_geometry_columns`, the spatial
 * reference in `gpkg_spatial_ref_sys`, and an R-tree spatial index (the
 * `gpkg_rtree_index` extension, packed in one pass at the end, then its triggers). Rows are committed every {@link GPKG_ROWS_PER_TRANSACTION}.
 * A table without geometry is written as `attributes`.
 */
export async function writeGeoPackageTable(
  db: Database.Database,
  source: FeatureSource,
  name: string,
  options: WriterOptions = {},
): Promise<GeoPackageTableResult> {
  const prepared = await prepareSource(source, options);
  const { columns, geometryType, hasZ, hasM } = prepared;
  const table = gpkgTableName(name, db);
  const taken = new Set(columns.map((c) => c.name.toLowerCase()));
  const fid = freeName("fid", taken);
  const geom = geometryType ? freeName("geom", taken) : undefined;
  const srsId = geometryType ? await srsIdFor(db, prepared.spatialReference) : undefined;
  const typeName = geometryType ? gpkgGeometryName(geometryType) : undefined;
  const defs = [`${quote(fid)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`];
  if (geom && typeName) defs.push(`${quote(geom)} ${typeName}`);
  for (const column of columns) defs.push(`${quote(column.name)} ${sqlType(column)}`);
  db.exec(`CREATE TABLE ${quote(table)} (${defs.join(", ")})`);
  const rtree = geom ? `rtree_${table}_${geom}` : undefined;
  if (rtree) db.exec(`CREATE VIRTUAL TABLE ${quote(rtree)} USING rtree(id, minx, maxx, miny, maxy)`);
  const encoder = typeName && srsId !== undefined ? new GpkgGeometryEncoder(typeName, hasZ, hasM, srsId) : undefined;
  let count = 0;
  let mismatches = 0;
  db.exec("BEGIN");
  const index = rtree ? new RtreeBuilder(db, rtree) : undefined;
  const rows = new RowBatcher(db, table, geom, columns.map((c) => c.name), index);
  const values = columns.map(columnValue);
  const cells = rows.values;
  const writeRow = (feature: ExportFeature): void => {
    const at = rows.next();
    if (encoder) {
      const start = rows.blobs.length;
      if (encoder.encodeTo(feature.geometry, rows.blobs)) rows.geometry(start, encoder.envelope);
      else {
        rows.geometry(undefined, undefined);
        if (encoder.lastNullReason !== "missing" && mismatches++ < 10) {
          options.onWarning?.({
            code: encoder.lastNullReason === "type-mismatch" ? "geometry-type-mismatch" : "null-geometry",
            message: `Feature #${count}: geometry ${encoder.lastNullReason === "type-mismatch" ? `is not a ${typeName}` : "could not be read"}; written as NULL`,
            featureIndex: count,
          });
        }
      }
    }
    const attributes = feature.attributes;
    for (let i = 0; i < values.length; i++) cells[at + i] = (values[i] as (a: typeof attributes) => SqlValue)(attributes);
    if (++count % GPKG_ROWS_PER_TRANSACTION === 0) {
      rows.flush();
      index?.flush();
      db.exec("COMMIT");
      db.exec("BEGIN");
    }
  };
  const batches = new FeatureBatches(prepared.features);
  try {
    for (;;) {
      const batch = batches.take() ?? (await batches.next());
      if (!batch) break;
      for (let i = 0; i < batch.length; i++) writeRow(batch[i] as ExportFeature);
    }
    rows.flush();
    index?.finish();
    const extent = encoder && encoder.extent[0] <= encoder.extent[1] ? encoder.extent : undefined;
    db.prepare(
      "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)",
    ).run(table, geom ? "features" : "attributes", name, extent?.[0] ?? null, extent?.[2] ?? null, extent?.[1] ?? null, extent?.[3] ?? null, srsId ?? null);
    if (geom && typeName && srsId !== undefined && rtree) {
      db.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)").run(table, geom, typeName, srsId, hasZ ? 1 : 0, hasM ? 1 : 0);
      db.prepare("INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')").run(table, geom);
      db.exec(rtreeTriggers(table, geom, fid, rtree));
    }
    db.exec("COMMIT");
  } catch (error) {
    await batches.close();
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return { table, featureCount: count };
}

/**
 * The R-tree triggers of the GeoPackage 1.2 spatial index extension (Annex F.3),
 * which keep the index in step with later edits by other tools. They call the
 * `ST_*` functions every GeoPackage reader registers; created after the rows are in,
 * as this connection has no such functions.
 */
function rtreeTriggers(table: string, geom: string, fid: string, rtree: string): string {
  const t = quote(table);
  const c = quote(geom);
  const i = quote(fid);
  const r = quote(rtree);
  const n = (suffix: string): string => quote(`${rtree}_${suffix}`);
  const values = `(NEW.${i}, ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}), ST_MinY(NEW.${c}), ST_MaxY(NEW.${c}))`;
  return `
CREATE TRIGGER ${n("insert")} AFTER INSERT ON ${t} WHEN (new.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN INSERT OR REPLACE INTO ${r} VALUES ${values}; END;
CREATE TRIGGER ${n("update1")} AFTER UPDATE OF ${c} ON ${t} WHEN OLD.${i} = NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN INSERT OR REPLACE INTO ${r} VALUES ${values}; END;
CREATE TRIGGER ${n("update2")} AFTER UPDATE OF ${c} ON ${t} WHEN OLD.${i} = NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
CREATE TRIGGER ${n("update3")} AFTER UPDATE ON ${t} WHEN OLD.${i} != NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; INSERT OR REPLACE INTO ${r} VALUES ${values}; END;
CREATE TRIGGER ${n("update4")} AFTER UPDATE ON ${t} WHEN OLD.${i} != NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id IN (OLD.${i}, NEW.${i}); END;
CREATE TRIGGER ${n("delete")} AFTER DELETE ON ${t} WHEN old.${c} NOT NULL
BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
`;
}
