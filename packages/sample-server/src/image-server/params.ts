/** Parsing of ImageServer request parameters (the server's own; nothing shared with the client). */

/** An envelope. */
export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** A geometry as the server understands it. */
export type ServerGeometry =
  | { kind: "point"; points: number[][] }
  | { kind: "polyline"; paths: number[][][] }
  | { kind: "polygon"; rings: number[][][] }
  | { kind: "envelope"; box: Box };

/** A problem in the request, answered as an ArcGIS 400 error. */
export class BadRequest extends Error {}

function isNum(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Parses `xmin,ymin,xmax,ymax` or an envelope JSON. */
export function parseBox(text: string | undefined, name: string): Box {
  if (!text) throw new BadRequest(`'${name}' parameter is required.`);
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const geometry = parseGeometryJson(trimmed, name);
    if (geometry.kind !== "envelope") throw new BadRequest(`'${name}' must be an envelope.`);
    return geometry.box;
  }
  const v = trimmed.split(",").map(Number);
  if (v.length !== 4 || !v.every(isNum)) throw new BadRequest(`Invalid ${name}: ${text}`);
  if (v[0] > v[2] || v[1] > v[3]) throw new BadRequest(`Invalid ${name}: min is greater than max.`);
  return { xmin: v[0], ymin: v[1], xmax: v[2], ymax: v[3] };
}

/** Parses `w,h`. */
export function parseSize(text: string | undefined): [number, number] | undefined {
  if (!text) return undefined;
  const v = text.split(",").map(Number);
  if (v.length !== 2 || !v.every((n) => Number.isInteger(n) && n > 0)) throw new BadRequest(`Invalid size: ${text}`);
  return [v[0], v[1]];
}

/** A wkid from `102100` or `{"wkid":...}`; undefined when absent. */
export function parseWkid(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  try {
    const json = JSON.parse(text) as { wkid?: number; latestWkid?: number };
    return json.latestWkid ?? json.wkid;
  } catch {
    throw new BadRequest(`Invalid spatial reference: ${text}`);
  }
}

/** The geometry's own spatial reference, if it names one. */
export function geometryWkid(value: unknown): number | undefined {
  const sr = (value as { spatialReference?: { wkid?: number; latestWkid?: number } } | null)?.spatialReference;
  return sr?.latestWkid ?? sr?.wkid;
}

/** Esri JSON geometry from a parsed value. */
export function toGeometry(value: unknown, name: string): ServerGeometry {
  const g = (value ?? {}) as Record<string, unknown>;
  if (isNum(g.x) && isNum(g.y)) return { kind: "point", points: [[g.x, g.y]] };
  if (Array.isArray(g.points)) return { kind: "point", points: g.points as number[][] };
  if (Array.isArray(g.paths)) return { kind: "polyline", paths: g.paths as number[][][] };
  if (Array.isArray(g.rings)) return { kind: "polygon", rings: g.rings as number[][][] };
  if ([g.xmin, g.ymin, g.xmax, g.ymax].every(isNum)) {
    return { kind: "envelope", box: { xmin: g.xmin as number, ymin: g.ymin as number, xmax: g.xmax as number, ymax: g.ymax as number } };
  }
  throw new BadRequest(`Invalid ${name}.`);
}

/** Parses a geometry parameter (Esri JSON, or `x,y` for a point). */
export function parseGeometryJson(text: string | undefined, name = "geometry"): ServerGeometry {
  if (!text) throw new BadRequest(`'${name}' parameter is required.`);
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) {
    const v = trimmed.split(",").map(Number);
    if (v.length === 2 && v.every(isNum)) return { kind: "point", points: [v] };
    throw new BadRequest(`Invalid ${name}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new BadRequest(`Invalid ${name}: not JSON.`);
  }
  return toGeometry(value, name);
}

/** The envelope of a geometry. */
export function boxOf(geometry: ServerGeometry): Box {
  if (geometry.kind === "envelope") return geometry.box;
  const points = geometry.kind === "point" ? geometry.points : geometry.kind === "polyline" ? geometry.paths.flat() : geometry.rings.flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { xmin: Math.min(...xs), ymin: Math.min(...ys), xmax: Math.max(...xs), ymax: Math.max(...ys) };
}

/** Even-odd point-in-polygon (envelopes: inside the box). */
export function contains(geometry: ServerGeometry, x: number, y: number): boolean {
  if (geometry.kind === "envelope") {
    const b = geometry.box;
    return x >= b.xmin && x <= b.xmax && y >= b.ymin && y <= b.ymax;
  }
  if (geometry.kind !== "polygon") return false;
  let inside = false;
  for (const ring of geometry.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
