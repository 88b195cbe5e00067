import { describe, expect, it } from "vitest";
import { collectBytes } from "../bytes/streams.js";
import { ExportValidationError } from "../errors.js";
import { csvField, writeCSV } from "./csv-writer.js";
import { toWkt } from "./wkt.js";

describe("csvField (RFC 4180)", () => {
  it("quotes fields with separators, quotes and line breaks, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField(null)).toBe("");
    expect(csvField(1.5)).toBe("1.5");
  });
});

describe("writeCSV", () => {
  const fields = [
    { name: "id", type: "esriFieldTypeInteger" },
    { name: "when", type: "esriFieldTypeDate" },
  ];

  it("writes a header, CRLF line ends, ISO dates and X/Y for points", async () => {
    const text = new TextDecoder().decode(
      await collectBytes(writeCSV({ fields, geometryType: "esriGeometryPoint", features: [{ attributes: { id: 1, when: Date.UTC(2024, 1, 3, 4, 5, 6) }, geometry: { x: 1.5, y: -2 } }] })),
    );
    expect(text).toBe("X,Y,id,when\r\n1.5,-2,1,2024-02-03T04:05:06Z\r\n");
  });

  it("writes WKT for other geometries, and no geometry for tables", async () => {
    const lines = { fields, geometryType: "esriGeometryPolyline" as const, features: [{ attributes: { id: 1, when: null }, geometry: { paths: [[[0, 0], [1, 1]]] } }] };
    expect(new TextDecoder().decode(await collectBytes(writeCSV(lines)))).toBe('WKT,id,when\r\n"LINESTRING (0 0, 1 1)",1,\r\n');
    const table = { fields, features: [{ attributes: { id: 2, when: null } }] };
    expect(new TextDecoder().decode(await collectBytes(writeCSV(table)))).toBe("id,when\r\n2,\r\n");
  });

  it("refuses X/Y for lines and odd delimiters", async () => {
    const lines = { fields, geometryType: "esriGeometryPolyline" as const, features: [] };
    await expect(collectBytes(writeCSV(lines, { geometry: "xy" }))).rejects.toBeInstanceOf(ExportValidationError);
    await expect(collectBytes(writeCSV(lines, { delimiter: '"' }))).rejects.toBeInstanceOf(ExportValidationError);
  });
});

describe("toWkt", () => {
  it("writes every geometry type, with Z", () => {
    expect(toWkt({ type: "Point", coordinates: [1, 2, 3] })).toBe("POINT Z (1 2 3)");
    expect(toWkt({ type: "MultiPoint", coordinates: [[1, 2], [3, 4]] })).toBe("MULTIPOINT ((1 2), (3 4))");
    expect(toWkt({ type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toBe("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    expect(toWkt({ type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] })).toBe(
      "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
    );
    expect(toWkt(null)).toBe("");
  });

  it("writes the numbers of lines and polygons as per-position text does, with parentheses at every level", () => {
    // Lines and polygons go through one JSON.stringify; the text must be what formatting each number gives.
    const pos = (p: number[]): string => (p.length > 2 ? `${p[0]} ${p[1]} ${p[2]}` : `${p[0]} ${p[1]}`);
    const line = (ps: number[][]): string => `(${ps.map(pos).join(", ")})`;
    const poly = (rs: number[][][]): string => `(${rs.map(line).join(", ")})`;
    const ring = [[-0, 1e-7], [1e21, -123.456789012345], [5e-324, 0.1 + 0.2], [-0, 1e-7]];
    const ringZ = ring.map(([x, y], i) => [x as number, y as number, i * 1.5]);
    expect(toWkt({ type: "Polygon", coordinates: [ring, ring] })).toBe(`POLYGON ${poly([ring, ring])}`);
    expect(toWkt({ type: "Polygon", coordinates: [ringZ] })).toBe(`POLYGON Z ${poly([ringZ])}`);
    expect(toWkt({ type: "MultiPolygon", coordinates: [[ring], [ringZ, ringZ]] })).toBe(`MULTIPOLYGON (${[poly([ring]), poly([ringZ, ringZ])].join(", ")})`);
    expect(toWkt({ type: "LineString", coordinates: ring })).toBe(`LINESTRING ${line(ring)}`);
    expect(toWkt({ type: "MultiLineString", coordinates: [ringZ, ring] })).toBe(`MULTILINESTRING Z (${line(ringZ)}, ${line(ring)})`);
    expect(toWkt({ type: "Polygon", coordinates: [[]] })).toBe("POLYGON (())");
    expect(toWkt({ type: "MultiLineString", coordinates: [[], [[1, 2], [3, 4]]] })).toBe("MULTILINESTRING ((), (1 2, 3 4))");
    // Text JSON cannot give: non-finite numbers, positions of other than 2 or 3 numbers.
    expect(toWkt({ type: "LineString", coordinates: [[NaN, 1], [2, Infinity]] })).toBe("LINESTRING (NaN 1, 2 Infinity)");
    expect(toWkt({ type: "LineString", coordinates: [[1, 2, 3, 4], [5, 6, 7, 8]] })).toBe("LINESTRING Z (1 2 3, 5 6 7)");
    expect(toWkt({ type: "LineString", coordinates: [[1], [2, 3]] })).toBe("LINESTRING (1 undefined, 2 3)");
  });
});
