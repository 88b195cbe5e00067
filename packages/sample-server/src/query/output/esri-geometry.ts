/** Writing stored geometries as Esri JSON in the requested spatial reference, precision and dimensions. */
import type { SampleGeometry, SampleLayer } from "../../data/types.js";
import type { Transform } from "../projection.js";

/** How stored geometries are written out. */
export interface GeometryOutputOptions {
  /** Storage → output transform, or null when the reference is unchanged. */
  transform: Transform | null;
  /** Decimal places to round coordinates to, or null. */
  precision: number | null;
  /** Write z values (layer has Z and returnZ=true). */
  z: boolean;
  /** Write m values (layer has M and returnM=true). */
  m: boolean;
}

/** Esri JSON geometry as written in responses. */
export type EsriGeometryJson =
  | { x: number; y: number; z?: number; m?: number | null }
  | { hasZ?: boolean; hasM?: boolean; points: number[][] }
  | { hasZ?: boolean; hasM?: boolean; paths: number[][][] }
  | { hasZ?: boolean; hasM?: boolean; rings: number[][][] };

/** Builds a writer from a layer's dimensions and the output options. */
export function esriGeometryWriter(layer: SampleLayer, options: GeometryOutputOptions): (g: SampleGeometry) => EsriGeometryJson {
  const { transform, precision, z, m } = options;
  const hasZ = layer.hasZ === true;
  const hasM = layer.hasM === true;
  const zIndex = hasZ ? 2 : -1;
  const mIndex = hasM ? (hasZ ? 3 : 2) : -1;
  const factor = precision === null ? 0 : 10 ** precision;
  const round = precision === null ? (v: number) => v : (v: number) => Math.round(v * factor) / factor;
  const unchanged = transform === null && precision === null && z === hasZ && m === hasM;

  const xy = (x: number, y: number): [number, number] => {
    if (transform) [x, y] = transform(x, y);
    return [round(x), round(y)];
  };
  const position = (p: number[]): number[] => {
    const out: number[] = xy(p[0], p[1]);
    if (z) out.push(p[zIndex] ?? 0);
    if (m) out.push(p[mIndex] ?? (null as unknown as number));
    return out;
  };
  const flags = (target: { hasZ?: boolean; hasM?: boolean }): void => {
    if (z) target.hasZ = true;
    if (m) target.hasM = true;
  };

  return (g) => {
    if (unchanged && ("x" in g || (!hasZ && !hasM))) return g as EsriGeometryJson;
    if ("x" in g) {
      const [x, y] = xy(g.x, g.y);
      const out: { x: number; y: number; z?: number; m?: number | null } = { x, y };
      if (z) out.z = g.z ?? 0;
      if (m) out.m = g.m ?? null;
      return out;
    }
    if ("points" in g) {
      const out: EsriGeometryJson = { points: g.points.map(position) };
      flags(out);
      return out;
    }
    if ("paths" in g) {
      const out: EsriGeometryJson = { paths: g.paths.map((path) => path.map(position)) };
      flags(out);
      return out;
    }
    const out: EsriGeometryJson = { rings: g.rings.map((ring) => ring.map(position)) };
    flags(out);
    return out;
  };
}
