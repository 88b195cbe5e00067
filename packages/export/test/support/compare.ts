import { expect } from "vitest";

type Coords = number[] | Coords[];

function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A ring without its closing vertex, starting at its smallest vertex, in one direction: orientation and start do not matter. */
function canonicalRing(ring: number[][]): number[][] {
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  const key = (p: number[]): string => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
  let start = 0;
  for (let i = 1; i < open.length; i++) if (key(open[i]) < key(open[start])) start = i;
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  if (rotated.length > 2 && key(rotated[rotated.length - 1]) < key(rotated[1])) {
    return [rotated[0], ...rotated.slice(1).reverse()];
  }
  return rotated;
}

/** Geometry in a form where equivalent encodings compare equal: every polygon a list of canonical rings, polygons and holes sorted. */
export function canonicalGeometry(geometry: { type: string; coordinates: unknown } | null): { type: string; parts: Coords } | null {
  if (!geometry) return null;
  const c = geometry.coordinates as Coords;
  const sortKey = (ring: number[][]): string => `${ring[0][0].toFixed(6)},${ring[0][1].toFixed(6)}`;
  const polygon = (rings: number[][][]): number[][][] => {
    const [outer, ...holes] = rings.map(canonicalRing);
    return [outer, ...holes.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))];
  };
  switch (geometry.type) {
    case "Point":
      return { type: "Point", parts: [c as number[]] };
    case "MultiPoint":
      return { type: "MultiPoint", parts: c };
    case "LineString":
      return { type: "Line", parts: [c as number[][]] };
    case "MultiLineString":
      return { type: "Line", parts: c };
    case "Polygon":
      return { type: "Polygon", parts: [polygon(c as number[][][])] };
    case "MultiPolygon":
      return {
        type: "Polygon",
        parts: (c as number[][][][]).map(polygon).sort((a, b) => (sortKey(a[0]) < sortKey(b[0]) ? -1 : 1)),
      };
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

function compareCoords(actual: Coords, expected: Coords, tolerance: number, path: string): void {
  if (typeof expected[0] === "number") {
    // Readers that report every position in 3D (KML) add z = 0 to 2D data.
    const extraZeroZ = actual.length === 3 && expected.length === 2 && (actual as number[])[2] === 0;
    if (!extraZeroZ) expect(actual.length, `${path}: dimension`).toBe(expected.length);
    (expected as number[]).forEach((v, i) => {
      const a = (actual as number[])[i];
      expect(close(a, v, tolerance), `${path}[${i}]: ${a} vs ${v}`).toBe(true);
    });
    return;
  }
  expect(actual.length, `${path}: length`).toBe(expected.length);
  expected.forEach((e, i) => compareCoords((actual as Coords[])[i], e as Coords, tolerance, `${path}[${i}]`));
}

/** Expects two GeoJSON geometries to describe the same shape (ring start/orientation and part order aside). */
export function expectSameGeometry(
  actual: { type: string; coordinates: unknown } | null,
  expected: { type: string; coordinates: unknown } | null,
  tolerance = 1e-9,
  label = "geometry",
): void {
  const a = canonicalGeometry(actual);
  const e = canonicalGeometry(expected);
  if (e === null || a === null) {
    expect(a, label).toEqual(e);
    return;
  }
  expect(a.type, `${label}: type`).toBe(e.type);
  compareCoords(a.parts, e.parts, tolerance, label);
}

/** Epoch milliseconds of a date text as GDAL writes it (`2024-05-01T12:30:00Z`, `2024/05/01 12:30:00+00`). */
export function gdalDateMillis(value: unknown): number {
  const text = String(value)
    .replace(/^(\d{4})\/(\d{2})\/(\d{2})/, "$1-$2-$3")
    .replace(" ", "T")
    .replace(/\+00$/, "Z");
  return Date.parse(text);
}

/** The signed area of a ring (positive: counter-clockwise with y up). */
export function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}
