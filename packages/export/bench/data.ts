import type { ExportFeature, FeatureSource } from "../src/index.js";

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  { name: "OBJECTID", type: "esriFieldTypeOID" },
  { name: "name", type: "esriFieldTypeString", length: 40 },
  { name: "stage", type: "esriFieldTypeDouble" },
  { name: "flow", type: "esriFieldTypeInteger" },
  { name: "obstime", type: "esriFieldTypeDate" },
];

const BASE_TIME = Date.UTC(2024, 0, 1);

function attributes(i: number, rnd: () => number): Record<string, unknown> {
  return {
    OBJECTID: i + 1,
    name: `Station ${i} on river ${Math.floor(rnd() * 500)}`,
    stage: Math.round(rnd() * 1e6) / 1e3,
    flow: Math.floor(rnd() * 100000),
    obstime: BASE_TIME + Math.floor(rnd() * 3.15e10),
  };
}

/** `count` points over the western US, generated as they are read (nothing held). */
export function points(count: number): FeatureSource {
  async function* features(): AsyncGenerator<ExportFeature> {
    const rnd = random(1);
    for (let i = 0; i < count; i++) {
      yield { attributes: attributes(i, rnd), geometry: { x: -124 + rnd() * 20, y: 32 + rnd() * 16 } };
    }
  }
  return { features: features(), fields: FIELDS, geometryType: "esriGeometryPoint", spatialReference: { wkid: 4326 } };
}

/** `count` polygons of 50 vertices (a 49-vertex exterior closed by a 50th, every third with a 12-vertex hole), generated as they are read. */
export function polygons(count: number): FeatureSource {
  async function* features(): AsyncGenerator<ExportFeature> {
    const rnd = random(2);
    for (let i = 0; i < count; i++) {
      const cx = -124 + rnd() * 20;
      const cy = 32 + rnd() * 16;
      const r = 0.01 + rnd() * 0.05;
      const ring = (radius: number, n: number, clockwise: boolean): number[][] => {
        const out: number[][] = [];
        for (let k = 0; k < n; k++) {
          const angle = ((clockwise ? -k : k) / n) * 2 * Math.PI;
          const wobble = 1 + 0.2 * Math.sin(k * 3 + i);
          out.push([cx + Math.cos(angle) * radius * wobble, cy + Math.sin(angle) * radius * wobble]);
        }
        out.push(out[0]);
        return out;
      };
      const rings = [ring(r, 49, true)];
      if (i % 3 === 0) rings.push(ring(r / 4, 12, false));
      yield { attributes: attributes(i, rnd), geometry: { rings } };
    }
  }
  return { features: features(), fields: FIELDS, geometryType: "esriGeometryPolygon", spatialReference: { wkid: 4326 } };
}
