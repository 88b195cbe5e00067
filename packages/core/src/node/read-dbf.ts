import type { AttributeValue } from "../types/esri-json.js";
import { GeometryError } from "../geometry/errors.js";

/** A field of a dBASE table. */
export interface DbfField {
  /** Field name (at most 10 characters in dBASE III). */
  name: string;
  /** dBASE type letter: C (text), N/F (number), L (logical), D (date), I (integer), ... */
  type: string;
  /** Width in bytes. */
  length: number;
  /** Decimal places of N/F fields. */
  decimals: number;
}

/** The header of a dBASE table. */
export interface DbfHeader {
  /** Number of records. */
  recordCount: number;
  /** Byte offset of the first record. */
  headerLength: number;
  /** Bytes per record, deletion flag included. */
  recordLength: number;
  /** Field descriptors. */
  fields: DbfField[];
  /** Language driver id (byte 29), a hint at the encoding when there is no .cpg. */
  languageDriver: number;
}

/**
 * Parses a dBASE III/IV header (the .dbf of a shapefile).
 *
 * @param bytes - at least the whole header
 * @throws GeometryError when the header is truncated
 */
export function parseDbfHeader(bytes: Uint8Array): DbfHeader {
  if (bytes.byteLength < 32) throw new GeometryError("the .dbf header is truncated", undefined, "shapefile");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header: DbfHeader = {
    recordCount: view.getUint32(4, true),
    headerLength: view.getUint16(8, true),
    recordLength: view.getUint16(10, true),
    languageDriver: bytes[29],
    fields: [],
  };
  const ascii = new TextDecoder("latin1");
  for (let offset = 32; offset + 32 <= bytes.byteLength && bytes[offset] !== 0x0d; offset += 32) {
    const nameBytes = bytes.subarray(offset, offset + 11);
    const end = nameBytes.indexOf(0);
    header.fields.push({
      name: ascii.decode(end === -1 ? nameBytes : nameBytes.subarray(0, end)).trim(),
      type: String.fromCharCode(bytes[offset + 11]).toUpperCase(),
      length: bytes[offset + 16],
      decimals: bytes[offset + 17],
    });
  }
  return header;
}

/** The TextDecoder label for a .cpg content or a language driver id; UTF-8 when unknown. */
export function dbfEncoding(cpg: string | undefined, languageDriver: number): string {
  const label = cpg?.trim().toLowerCase().replace(/^(cp|windows-?)/, "");
  if (label) {
    if (label === "utf-8" || label === "utf8" || label === "65001") return "utf-8";
    if (label === "88591" || label === "iso-8859-1" || label === "latin1") return "iso-8859-1";
    if (/^\d{3,4}$/.test(label)) return `windows-${label}`;
    return label;
  }
  // 0x57 ANSI and 0x03 Windows ANSI are Windows-1252; anything else is read as UTF-8.
  return languageDriver === 0x57 || languageDriver === 0x03 ? "windows-1252" : "utf-8";
}

/**
 * Decodes one record. Returns `undefined` for a record marked deleted.
 * Numbers become numbers (blank or `*` filled: null), logicals booleans
 * (`?`: null), dates epoch milliseconds at UTC midnight, text is trimmed.
 *
 * @param record - `recordLength` bytes
 * @param fields - the table's fields
 * @param decoder - text decoder for C fields
 */
export function readDbfRecord(record: Uint8Array, fields: readonly DbfField[], decoder: TextDecoder): Record<string, AttributeValue> | undefined {
  if (record[0] === 0x2a) return undefined; // "*": deleted
  const out: Record<string, AttributeValue> = {};
  let offset = 1;
  for (const field of fields) {
    const raw = record.subarray(offset, offset + field.length);
    offset += field.length;
    out[field.name] = readValue(raw, field, decoder);
  }
  return out;
}

function readValue(raw: Uint8Array, field: DbfField, decoder: TextDecoder): AttributeValue {
  switch (field.type) {
    case "N":
    case "F": {
      const text = latin(raw).trim();
      if (text === "" || /^\*+$/.test(text)) return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    case "L": {
      const c = latin(raw).trim().toUpperCase();
      if ("TY".includes(c) && c !== "") return true;
      if ("FN".includes(c) && c !== "") return false;
      return null;
    }
    case "D": {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(latin(raw).trim());
      return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
    }
    case "I":
      return raw.byteLength === 4 ? new DataView(raw.buffer, raw.byteOffset, 4).getInt32(0, true) : null;
    default: {
      const end = raw.indexOf(0);
      const text = decoder.decode(end === -1 ? raw : raw.subarray(0, end)).trimEnd();
      return field.type === "C" ? text : text.trim() || null;
    }
  }
}

function latin(raw: Uint8Array): string {
  let s = "";
  for (const b of raw) s += String.fromCharCode(b);
  return s;
}
