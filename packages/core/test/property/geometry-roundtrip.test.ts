/**
 * Property tests: Esri JSON ⇄ GeoJSON conversion over generated geometries. Polygons are built so their
 * true structure is known (star-shaped parts far apart, holes well inside their part), and the checks use
 * their own ring arithmetic rather than the code under test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GeometryError, esriToGeoJSON, geoJSONToEsri, type EsriGeometry, type EsriGeometryLike, type GeoJSONGeometry, type GeoJSONPosition } from "../../src/index.js";

const RUNS = 1000;
// A fixed seed: every run checks the same cases (FC_SEED=<n> explores others).
const SEED = Number(process.env.FC_SEED ?? 20261206);

type Ring = number[][];

function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** A closed star-shaped ring around (cx, cy), counter-clockwise; radii in [rmin, rmax], no angle gap over 135°. */
function starRing(cx: number, cy: number, rmin: number, rmax: number) {
  return fc
    .integer({ min: 4, max: 12 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -0.25, max: 0.25, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: rmin, max: rmax, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    )
    .map(([jitters, radii]) => {
      const n = radii.length;
      const ring = radii.map((r, i) => {
        const angle = ((i + jitters[i]) / n) * 2 * Math.PI;
        return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      });
      return [...ring, [...ring[0]]];
    });
}

/** One part: an exterior of radius 2–5 and up to two holes of radius ≤ 0.3, 0.35 from the centre. */
function part(cx: number, cy: number) {
  return fc.tuple(starRing(cx, cy, 2, 5), fc.integer({ min: 0, max: 2 })).chain(([outer, holeCount]) =>
    fc
      .tuple(...[-0.35, 0.35].slice(0, holeCount).map((dx) => starRing(cx + dx, cy, 0.05, 0.3)))
      .map((holes) => ({ outer: [...outer].reverse(), holes: holes as Ring[] })), // Esri: exteriors clockwise, holes counter-clockwise
  );
}

interface GeneratedPolygon {
  parts: { outer: Ring; holes: Ring[] }[];
  z: boolean;
  shuffled: Ring[];
}

const polygonArb: fc.Arbitrary<GeneratedPolygon> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.double({ min: -150, max: 100, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true }), fc.boolean())
  .chain(([count, cx, cy, z]) =>
    fc.tuple(...Array.from({ length: count }, (_, k) => part(cx + 12 * k, cy))).chain((parts) => {
      const rings = parts.flatMap((p) => [p.outer, ...p.holes]);
      // Holes may be listed anywhere, even before their exterior, as some servers do.
      return fc.shuffledSubarray(rings, { minLength: rings.length, maxLength: rings.length }).map((shuffled) => ({ parts, z, shuffled }));
    }),
  );

function withZ(ring: Ring, z: boolean): Ring {
  // The closing position repeats the first one, Z included.
  return z ? ring.map(([x, y], i) => [x, y, ((i === ring.length - 1 ? 0 : i) % 7) * 1.5]) : ring;
}

/** Same ring up to the starting vertex (closed rings compared without their repeated last position). */
function sameCyclicRing(a: number[][], b: number[][]): boolean {
  const open = (r: number[][]) => r.slice(0, -1).map((p) => p.join(","));
  const ra = open(a);
  const rb = open(b);
  if (ra.length !== rb.length) return false;
  const start = rb.indexOf(ra[0]);
  return start !== -1 && ra.every((p, i) => p === rb[(start + i) % rb.length]);
}

describe("Esri JSON ⇄ GeoJSON, generated polygons", () => {
  it("keep every coordinate, put each hole in its own exterior and follow each format's ring orientation", () => {
    fc.assert(
      fc.property(polygonArb, ({ parts, z, shuffled }) => {
        const esri: EsriGeometryLike = { rings: shuffled.map((r) => withZ(r, z)), hasZ: z, spatialReference: { wkid: 4326 } };
        const geojson = esriToGeoJSON(esri) as GeoJSONGeometry;
        const polygons = (geojson.type === "Polygon" ? [geojson.coordinates] : geojson.type === "MultiPolygon" ? geojson.coordinates : []) as GeoJSONPosition[][][];
        expect(polygons).toHaveLength(parts.length);
        for (const expected of parts) {
          const match = polygons.find((p) => sameCyclicRing([...withZ(expected.outer, z)].reverse(), p[0] as number[][]));
          expect(match, "every exterior comes out counter-clockwise with its coordinates").toBeDefined();
          expect(signedArea(match![0] as number[][])).toBeGreaterThan(0);
          expect(match!.length - 1).toBe(expected.holes.length);
          for (const hole of expected.holes) {
            const out = match!.slice(1).find((h) => sameCyclicRing([...withZ(hole, z)].reverse(), h as number[][]));
            expect(out, "every hole stays in its exterior, clockwise").toBeDefined();
          }
        }
        const back = geoJSONToEsri(geojson) as { rings: number[][][]; hasZ?: boolean };
        expect(back.rings).toHaveLength(shuffled.length);
        for (const ring of shuffled) {
          const found = back.rings.find((r) => sameCyclicRing(withZ(ring, z), r));
          expect(found, "the round trip gives back every ring with Esri's orientation").toBeDefined();
        }
        expect(back.hasZ === true).toBe(z);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("points, multipoints and polylines round trip with Z; M is dropped as documented", () => {
    const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    const position = fc.tuple(coordinate, coordinate, coordinate);
    fc.assert(
      fc.property(
        fc.oneof(
          position.map(([x, y, z]): EsriGeometry => ({ x, y, z, m: 1 })),
          fc.array(position, { minLength: 1, maxLength: 20 }).map((points): EsriGeometry => ({ points, hasZ: true })),
          fc.array(fc.array(position, { minLength: 2, maxLength: 20 }), { minLength: 1, maxLength: 5 }).map((paths): EsriGeometry => ({ paths, hasZ: true })),
        ),
        (esri) => {
          const back = geoJSONToEsri(esriToGeoJSON(esri)) as unknown as Record<string, unknown>;
          if ("x" in esri) expect([back.x, back.y, back.z]).toEqual([esri.x, esri.y, esri.z]);
          else if ("points" in esri) expect(back.points).toEqual(esri.points);
          else expect(back.paths).toEqual((esri as { paths: number[][][] }).paths);
          expect(back.m).toBeUndefined();
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("empty and degenerate geometries give null or valid GeoJSON, and throw nothing but GeometryError", () => {
    const odd = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0),
      fc.constant(null as unknown as number),
    );
    const anyRing = fc.array(fc.tuple(odd, odd), { maxLength: 6 });
    const anything = fc.oneof(
      fc.record({ rings: fc.array(anyRing, { maxLength: 4 }) }),
      fc.record({ paths: fc.array(anyRing, { maxLength: 4 }) }),
      fc.record({ points: anyRing }),
      fc.record({ x: odd, y: odd }),
      fc.record({ xmin: odd, ymin: odd, xmax: odd, ymax: odd }),
      fc.anything(),
    );
    fc.assert(
      fc.property(anything, (value) => {
        let out: GeoJSONGeometry | null;
        try {
          out = esriToGeoJSON(value as EsriGeometry);
        } catch (error) {
          expect(error).toBeInstanceOf(GeometryError);
          return;
        }
        if (out === null) return;
        const rings = out.type === "Polygon" ? out.coordinates : out.type === "MultiPolygon" ? out.coordinates.flat() : [];
        for (const ring of rings) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0].slice(0, 2)).toEqual(ring[ring.length - 1].slice(0, 2));
        }
        JSON.stringify(out);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
