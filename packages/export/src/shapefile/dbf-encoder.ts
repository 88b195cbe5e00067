import { ByteBuffer } from "../bytes/byte-buffer.js";
import { ExportValidationError } from "../errors.js";
import type { ExportWarning, WarningHandler } from "../types.js";
import { dbfDate, isoText } from "../values/dates.js";
import { formatFixedNumber } from "../values/format-number.js";
import type { DbfColumn } from "./dbf-columns.js";

const SPACE = 0x20;
const encoder = new TextEncoder();

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function toLogical(value: unknown): number {
  if (value === null || value === undefined) return 0x3f; // "?": unknown
  if (typeof value === "boolean") return value ? 0x54 : 0x46;
  if (typeof value === "number") return value ? 0x54 : 0x46;
  const text = String(value).trim().toUpperCase();
  if (["T", "Y", "TRUE", "YES", "1"].includes(text)) return 0x54;
  if (["F", "N", "FALSE", "NO", "0"].includes(text)) return 0x46;
  return 0x3f;
}

/**
 * Encodes DBF (dBase III) headers and records for a fixed list of fields.
 * Text is UTF-8 (declared in the `.cpg`), cut at a character boundary when it
 * is longer than its field.
 */
export class DbfEncoder {
  /** Bytes of the header, field descriptors and terminator. */
  readonly headerLength: number;
  /** Bytes of one record, deletion flag included. */
  readonly recordLength: number;
  readonly #columns: DbfColumn[];
  readonly #onWarning: WarningHandler | undefined;
  readonly #warned = new Set<string>();

  /**
   * @param columns - the planned DBF fields
   * @param onWarning - receives the first truncated/out-of-range value of each field
   */
  constructor(columns: DbfColumn[], onWarning?: WarningHandler) {
    this.#columns = columns;
    this.#onWarning = onWarning;
    this.headerLength = 32 + 32 * columns.length + 1;
    this.recordLength = 1 + columns.reduce((sum, c) => sum + c.width, 0);
    if (this.headerLength > 0xffff || this.recordLength > 0xffff) {
      throw new ExportValidationError(
        `Too many or too wide fields for a DBF file (${columns.length} fields, ${this.recordLength} bytes a record; at most 65535)`,
        "fields",
      );
    }
  }

  /** The file header: field descriptors, and `recordCount` and `lastUpdate` in the first 32 bytes. */
  header(recordCount: number, lastUpdate: Date): Uint8Array {
    const out = new ByteBuffer(this.headerLength);
    out.ensure(this.headerLength);
    out.u8(0x03);
    out.u8(lastUpdate.getUTCFullYear() - 1900);
    out.u8(lastUpdate.getUTCMonth() + 1);
    out.u8(lastUpdate.getUTCDate());
    out.view.setUint32(4, recordCount, true);
    out.view.setUint16(8, this.headerLength, true);
    out.view.setUint16(10, this.recordLength, true);
    out.length = 32;
    for (const column of this.#columns) {
      const start = out.length;
      const name = encoder.encode(column.name);
      out.bytes.set(name.subarray(0, 10), start);
      out.bytes[start + 11] = column.type.charCodeAt(0);
      out.bytes[start + 16] = column.width;
      out.bytes[start + 17] = column.decimals;
      out.length = start + 32;
    }
    out.u8(0x0d);
    return out.take();
  }

  /** The record count bytes to patch at offset 4 once the count is known. */
  static recordCountBytes(recordCount: number): Uint8Array {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, recordCount, true);
    return bytes;
  }

  /** Appends one record for `attributes` to `out`. */
  encodeRecord(out: ByteBuffer, attributes: Record<string, unknown> | null | undefined, featureIndex: number): void {
    out.ensure(this.recordLength);
    out.u8(SPACE);
    for (const column of this.#columns) {
      const value = attributes?.[column.column.name];
      const start = out.length;
      if (value === null || value === undefined) {
        if (column.type === "L") out.u8(0x3f);
        else out.fill(SPACE, column.width);
        continue;
      }
      switch (column.type) {
        case "N":
          this.#numeric(out, column, value, featureIndex);
          break;
        case "L":
          out.u8(toLogical(value));
          break;
        case "D": {
          const kind = column.column.kind === "date" || column.column.kind === "dateonly" || column.column.kind === "timestamp" ? column.column.kind : "date";
          const text = dbfDate(kind, value);
          if (text?.length === 8) out.ascii(text);
          else {
            this.#warn(column, featureIndex, "value-out-of-range", `not a date: ${String(value)}`);
            out.fill(SPACE, 8);
          }
          break;
        }
        case "C": {
          let text: string | undefined;
          const kind = column.column.kind;
          if (column.role === "iso" && (kind === "date" || kind === "timestamp")) text = isoText(kind, value);
          else if (kind === "date" || kind === "dateonly" || kind === "timestamp" || kind === "timeonly") text = isoText(kind, value);
          else text = value instanceof Date ? value.toISOString() : String(value);
          this.#text(out, column, text ?? "", featureIndex);
          break;
        }
      }
      out.length = start + column.width;
    }
  }

  #numeric(out: ByteBuffer, column: DbfColumn, value: unknown, featureIndex: number): void {
    const number = value instanceof Date ? value.getTime() : toNumber(value);
    const text = number === undefined ? undefined : formatFixedNumber(number, column.width, column.decimals);
    if (text === undefined) {
      this.#warn(column, featureIndex, "value-out-of-range", `${String(value)} does not fit N(${column.width},${column.decimals}); written as null`);
      out.fill(SPACE, column.width);
      return;
    }
    // Right-aligned, as dBase writes numbers.
    out.fill(SPACE, column.width - text.length);
    out.ascii(text);
  }

  #text(out: ByteBuffer, column: DbfColumn, text: string, featureIndex: number): void {
    const target = out.bytes.subarray(out.length, out.length + column.width);
    // encodeInto never splits a character, so a cut text stays valid UTF-8.
    const { read, written } = encoder.encodeInto(text, target);
    if (read < text.length) {
      this.#warn(column, featureIndex, "value-truncated", `text longer than ${column.width} bytes was cut`);
    }
    out.length += written;
    out.fill(SPACE, column.width - written);
  }

  #warn(column: DbfColumn, featureIndex: number, code: ExportWarning["code"], detail: string): void {
    const key = `${column.name}\u0000${code}`;
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#onWarning?.({
      code,
      message: `Field ${column.column.name} (${column.name}), feature #${featureIndex}: ${detail} (reported once per field)`,
      featureIndex,
      field: column.column.name,
    });
  }
}
