import { describe, expect, it } from "vitest";
import { ByteBuffer } from "../bytes/byte-buffer.js";
import type { ExportWarning } from "../types.js";
import { planDbfColumns } from "./dbf-columns.js";
import { DbfEncoder } from "./dbf-encoder.js";
import type { Column } from "../values/columns.js";

function record(columns: Column[], attributes: Record<string, unknown>, warnings: ExportWarning[] = []): string[] {
  const planned = planDbfColumns(columns, [{ attributes }], true);
  const encoder = new DbfEncoder(planned, (w) => warnings.push(w));
  const out = new ByteBuffer(16);
  encoder.encodeRecord(out, attributes, 0);
  const bytes = out.take();
  expect(bytes.length).toBe(encoder.recordLength);
  const fields: string[] = [];
  let offset = 1;
  for (const column of planned) {
    fields.push(new TextDecoder().decode(bytes.subarray(offset, offset + column.width)));
    offset += column.width;
  }
  return fields;
}

describe("DbfEncoder", () => {
  it("writes doubles with their decimals, right-aligned", () => {
    const [value] = record([{ name: "v", kind: "double", precision: 64 }], { v: 1234.5678 });
    expect(value).toBe("1234.5678".padStart(24));
    expect(record([{ name: "v", kind: "double", precision: 64 }], { v: 1e-7 })[0].trim()).toBe("0.000000100000000");
    expect(Number(record([{ name: "v", kind: "double", precision: 64 }], { v: -13580000.123456 })[0])).toBe(-13580000.123456);
  });

  it("writes the extremes of each integer size", () => {
    expect(record([{ name: "i", kind: "integer", bits: 32 }], { i: -2147483648 })[0]).toBe("-2147483648");
    expect(record([{ name: "i", kind: "integer", bits: 16 }], { i: -32768 })[0]).toBe("-32768");
  });

  it("writes nulls as blanks (and ? for logicals), which readers take as null", () => {
    const fields = record(
      [
        { name: "n", kind: "double" },
        { name: "s", kind: "string", length: 3 },
        { name: "d", kind: "dateonly" },
        { name: "b", kind: "boolean" },
      ],
      { n: null, s: null, d: null, b: null },
    );
    expect(fields).toEqual([" ".repeat(24), "   ", " ".repeat(8), "?"]);
  });

  it("cuts UTF-8 text at a character boundary and reports it once per field", () => {
    const warnings: ExportWarning[] = [];
    const [text] = record([{ name: "s", kind: "string", length: 7 }], { s: "São 東京" }, warnings);
    // "São " is 5 bytes, 東 is 3 more: it does not fit, so it is left out whole.
    expect(text).toBe("São   ");
    expect(new TextEncoder().encode(text).length).toBe(7);
    expect(warnings.map((w) => w.code)).toEqual(["value-truncated"]);
  });

  it("writes dates as YYYYMMDD (UTC) with an ISO 8601 companion when they carry a time of day", () => {
    const at = Date.UTC(2024, 4, 1, 23, 30);
    const planned = planDbfColumns([{ name: "obstime", kind: "date" }], [{ attributes: { obstime: at } }], true);
    expect(planned.map((c) => [c.name, c.type, c.role])).toEqual([
      ["obstime", "D", "value"],
      ["obstime_T", "C", "iso"],
    ]);
    expect(record([{ name: "obstime", kind: "date" }], { obstime: new Date(at) })).toEqual(["20240501", "2024-05-01T23:30:00Z".padEnd(24)]);
  });

  it("adds no companion for midnight dates when every value was seen, or when turned off", () => {
    const midnight = [{ attributes: { d: Date.UTC(2024, 0, 1) } }];
    expect(planDbfColumns([{ name: "d", kind: "date" }], midnight, true)).toHaveLength(1);
    // Not every value seen (a stream): the companion is kept so no time of day can be lost.
    expect(planDbfColumns([{ name: "d", kind: "date" }], midnight, false)).toHaveLength(2);
    expect(planDbfColumns([{ name: "d", kind: "date" }], [{ attributes: { d: Date.UTC(2024, 0, 1, 5) } }], true, { dateTimeCompanion: "never" })).toHaveLength(1);
  });

  it("writes booleans as L and GUIDs as C(38)", () => {
    const planned = planDbfColumns([{ name: "b", kind: "boolean" }, { name: "g", kind: "guid" }], [], true);
    expect(planned.map((c) => [c.type, c.width])).toEqual([
      ["L", 1],
      ["C", 38],
    ]);
    expect(record([{ name: "b", kind: "boolean" }], { b: true })).toEqual(["T"]);
    expect(record([{ name: "b", kind: "boolean" }], { b: false })).toEqual(["F"]);
  });

  it("reports a number that does not fit and writes null", () => {
    const warnings: ExportWarning[] = [];
    expect(record([{ name: "i", kind: "integer", bits: 16 }], { i: 12345678 }, warnings)).toEqual(["      "]);
    expect(warnings[0].code).toBe("value-out-of-range");
  });

  it("writes the header with record count, lengths and field descriptors", () => {
    const planned = planDbfColumns([{ name: "name", kind: "string", length: 12 }], [], true);
    const encoder = new DbfEncoder(planned);
    const header = encoder.header(7, new Date(Date.UTC(2024, 0, 2)));
    const view = new DataView(header.buffer);
    expect([header[0], header[1], header[2], header[3]]).toEqual([3, 124, 1, 2]);
    expect(view.getUint32(4, true)).toBe(7);
    expect(view.getUint16(8, true)).toBe(65);
    expect(view.getUint16(10, true)).toBe(13);
    expect(new TextDecoder().decode(header.subarray(32, 36))).toBe("name");
    expect(String.fromCharCode(header[43])).toBe("C");
    expect(header[48]).toBe(12);
    expect(header[64]).toBe(0x0d);
  });
});
