import type { EsriEnvelope, EsriGeometry, EsriPoint, Position } from "../types/esri-json.js";
import { esriGeometryTypeOf } from "./esri-geometry-type.js";
import { normalizeEsriGeometry, type ZMDefaults } from "./normalize-esri.js";

/**
 * The envelope (bounding box) of any Esri JSON geometry, with `zmin`/`zmax`
 * and `mmin`/`mmax` when the geometry has finite Z or M values, and its
 * spatial reference. `null` for an empty geometry. Vertices with NaN x/y are
 * ignored, as everywhere in this module.
 *
 * @param geometry - Esri JSON geometry
 * @param defaults - Z/M flags to assume when the geometry has none
 */
export function envelopeOf(geometry: EsriGeometry, defaults: ZMDefaults = {}): EsriEnvelope | null {
  const g = normalizeEsriGeometry(geometry, defaults);
  const type = esriGeometryTypeOf(g);
  if (type === "esriGeometryEnvelope") {
    const e = g as EsriEnvelope;
    return Number.isNaN(e.xmin) ? null : e;
  }
  const flags = g as { hasZ?: boolean; hasM?: boolean };
  let positions: Position[];
  let zIndex = flags.hasZ === true ? 2 : -1;
  let mIndex = flags.hasM === true ? (zIndex >= 0 ? 3 : 2) : -1;
  if (type === "esriGeometryPoint") {
    const p = g as EsriPoint;
    if (Number.isNaN(p.x)) return null;
    positions = [[p.x, p.y, p.z ?? Number.NaN, p.m ?? Number.NaN]];
    zIndex = 2;
    mIndex = 3;
  } else {
    const parts = "points" in g ? [g.points] : "paths" in g ? g.paths : "rings" in g ? g.rings : [];
    positions = parts.flat();
  }
  const x = range(positions, 0);
  if (x === undefined) return null;
  const y = range(positions, 1) ?? x;
  const out: EsriEnvelope = { xmin: x[0], ymin: y[0], xmax: x[1], ymax: y[1] };
  const z = zIndex >= 0 ? range(positions, zIndex) : undefined;
  if (z) Object.assign(out, { zmin: z[0], zmax: z[1] });
  const m = mIndex >= 0 ? range(positions, mIndex) : undefined;
  if (m) Object.assign(out, { mmin: m[0], mmax: m[1] });
  if (g.spatialReference) out.spatialReference = g.spatialReference;
  return out;
}

/** Min and max of the finite values at `index`, or `undefined` when there are none. */
function range(positions: readonly Position[], index: number): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const p of positions) {
    const v = p[index];
    if (v === undefined || Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : undefined;
}
