import type { GeoJSONGeometry, GeoJSONPosition } from "@arcrest/core";

function position(p: GeoJSONPosition): string {
  return p.length > 2 ? `${p[0]} ${p[1]} ${p[2]}` : `${p[0]} ${p[1]}`;
}

/** `(x y, x y, …)`: positions into a preallocated array, joined once (formatting the numbers is most of the cost). */
function line(points: GeoJSONPosition[]): string {
  const n = points.length;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = position(points[i] as GeoJSONPosition);
  return `(${parts.join(", ")})`;
}

function polygon(rings: GeoJSONPosition[][]): string {
  return `(${rings.map(line).join(", ")})`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let input = new Uint8Array(1 << 12);
let output = new Uint8Array(1 << 13);
const OPEN = 0x28;
const CLOSE = 0x29;
const COMMA = 0x2c;
const SPACE = 0x20;
const LEFT = 0x5b;
const RIGHT = 0x5d;

/**
 * The WKT of nested coordinate arrays (`(x y, x y), (…)` with parentheses at every level above
 * the positions), from one native `JSON.stringify`: its brackets become parentheses, position
 * brackets go, commas inside a position become spaces and the others `, `. `undefined` when the
 * text is not the per-position one (positions of other than 2 or 3 numbers, non-finite numbers).
 */
function nestedText(coordinates: unknown, leaf: number): string | undefined {
  const json = JSON.stringify(coordinates);
  if (json.includes("null") || json.includes('"')) return undefined;
  if (json.length > input.length) {
    input = new Uint8Array(json.length * 2);
    output = new Uint8Array(json.length * 4);
  }
  const n = encoder.encodeInto(json, input).written;
  const from = input;
  const to = output;
  let j = 0;
  let depth = 0;
  let commas = 0;
  for (let i = 0; i < n; i++) {
    const c = from[i] as number;
    if (c === COMMA) {
      if (depth === leaf) {
        to[j++] = SPACE;
        commas++;
      } else {
        to[j++] = COMMA;
        to[j++] = SPACE;
      }
    } else if (c === LEFT) {
      if (++depth < leaf) to[j++] = OPEN;
      else commas = 0;
    } else if (c === RIGHT) {
      if (depth-- < leaf) to[j++] = CLOSE;
      else if (commas < 1 || commas > 2) return undefined;
    } else to[j++] = c;
  }
  return decoder.decode(to.subarray(0, j));
}

function hasZ(geometry: GeoJSONGeometry): boolean {
  switch (geometry.type) {
    case "Point":
      return geometry.coordinates.length > 2;
    case "MultiPoint":
    case "LineString":
      return (geometry.coordinates[0]?.length ?? 0) > 2;
    case "MultiLineString":
    case "Polygon":
      return (geometry.coordinates[0]?.[0]?.length ?? 0) > 2;
    case "MultiPolygon":
      return (geometry.coordinates[0]?.[0]?.[0]?.length ?? 0) > 2;
    case "GeometryCollection":
      return geometry.geometries.some(hasZ);
  }
}

/**
 * Well-known text (OGC Simple Features / ISO SQL/MM, `POINT Z (...)` for 3D)
 * of a GeoJSON geometry; `""` for none.
 */
export function toWkt(geometry: GeoJSONGeometry | null): string {
  if (!geometry) return "";
  const z = hasZ(geometry) ? " Z" : "";
  switch (geometry.type) {
    case "Point":
      return `POINT${z} (${position(geometry.coordinates)})`;
    case "MultiPoint":
      return `MULTIPOINT${z} (${geometry.coordinates.map((p) => `(${position(p)})`).join(", ")})`;
    case "LineString":
      return `LINESTRING${z} ${nestedText(geometry.coordinates, 2) ?? line(geometry.coordinates)}`;
    case "MultiLineString":
      return `MULTILINESTRING${z} ${nestedText(geometry.coordinates, 3) ?? `(${geometry.coordinates.map(line).join(", ")})`}`;
    case "Polygon":
      return `POLYGON${z} ${nestedText(geometry.coordinates, 3) ?? polygon(geometry.coordinates)}`;
    case "MultiPolygon":
      return `MULTIPOLYGON${z} ${nestedText(geometry.coordinates, 4) ?? `(${geometry.coordinates.map(polygon).join(", ")})`}`;
    case "GeometryCollection":
      return `GEOMETRYCOLLECTION${z} (${geometry.geometries.map(toWkt).join(", ")})`;
  }
}
