import type { EsriGeometry, Position } from "../types/esri-json.js";
import { positionOf } from "../geometry/coordinates.js";
import { GeometryError } from "../geometry/errors.js";
import { NO_DATA_M, SHAPE_TYPES } from "./shape-types.js";

/**
 * Decodes the content of one .shp record (starting at its shape type) into
 * Esri JSON, or `null` for a null shape. Shapefile rings already follow Esri's
 * orientation (exteriors clockwise), so they are copied as they are. M values
 * that are "no data" become NaN; a Z type's M block is read only when the
 * record has one, and `hasM` is set only when some M has a value.
 *
 * @param view - the record content
 * @param recordNumber - for error messages
 * @throws GeometryError for MultiPatch, unknown shape types or truncated records
 */
export function readShapeRecord(view: DataView, recordNumber: number): EsriGeometry | null {
  const fail = (problem: string): never => {
    throw new GeometryError(`record ${recordNumber}: ${problem}`, undefined, "shapefile");
  };
  if (view.byteLength < 4) fail("is shorter than its shape type");
  const code = view.getInt32(0, true);
  if (code === 31) fail("MultiPatch shapes are not supported");
  const type = SHAPE_TYPES.get(code);
  if (!type) return fail(`unknown shape type ${code}`);
  if (type.geometryType === null) return null;

  const need = (bytes: number): void => {
    if (view.byteLength < bytes) fail(`is truncated (${view.byteLength} bytes, ${bytes} needed)`);
  };
  const f64 = (offset: number): number => view.getFloat64(offset, true);
  const mValue = (v: number): number => (v < NO_DATA_M || Number.isNaN(v) ? Number.NaN : v);

  if (type.geometryType === "esriGeometryPoint") {
    need(20);
    const point: { x: number; y: number; z?: number; m?: number } = { x: f64(4), y: f64(12) };
    if (type.hasZ) {
      need(28);
      point.z = f64(20);
      if (view.byteLength >= 36 && !Number.isNaN(mValue(f64(28)))) point.m = f64(28);
    } else if (type.hasM && view.byteLength >= 28 && !Number.isNaN(mValue(f64(20)))) {
      point.m = f64(20);
    }
    return point;
  }

  // Multipoint: box(32) numPoints; polyline/polygon: box(32) numParts numPoints parts[].
  const multipoint = type.geometryType === "esriGeometryMultipoint";
  need(multipoint ? 40 : 44);
  const numParts = multipoint ? 1 : view.getInt32(36, true);
  const numPoints = view.getInt32(multipoint ? 36 : 40, true);
  if (numParts < 0 || numPoints < 0) fail("has a negative part or point count");
  const partsOffset = multipoint ? 40 : 44;
  const pointsOffset = partsOffset + (multipoint ? 0 : 4 * numParts);
  need(pointsOffset + 16 * numPoints);
  const starts: number[] = [];
  for (let i = 0; i < numParts; i++) starts.push(multipoint ? 0 : view.getInt32(partsOffset + 4 * i, true));

  let offset = pointsOffset + 16 * numPoints;
  let zs: number[] | undefined;
  if (type.hasZ) {
    need(offset + 16 + 8 * numPoints);
    zs = readDoubles(view, offset + 16, numPoints);
    offset += 16 + 8 * numPoints;
  }
  let ms: number[] | undefined;
  if (type.hasM && view.byteLength >= offset + 16 + 8 * numPoints) {
    ms = readDoubles(view, offset + 16, numPoints).map(mValue);
    if (ms.every(Number.isNaN)) ms = undefined;
  }

  const positions: Position[] = [];
  for (let i = 0; i < numPoints; i++) {
    const more: number[] = [];
    if (zs) more.push(zs[i]);
    if (ms) more.push(ms[i]);
    positions.push(positionOf(f64(pointsOffset + 16 * i), f64(pointsOffset + 16 * i + 8), more));
  }
  const flags = { ...(zs ? { hasZ: true } : {}), ...(ms ? { hasM: true } : {}) };
  if (multipoint) return { points: positions, ...flags };

  const parts: Position[][] = [];
  for (let i = 0; i < numParts; i++) {
    const start = starts[i];
    const end = i + 1 < numParts ? starts[i + 1] : numPoints;
    if (start < 0 || end > numPoints || start > end) fail(`part ${i} has bad bounds ${start}..${end}`);
    parts.push(positions.slice(start, end));
  }
  return type.geometryType === "esriGeometryPolygon" ? { rings: parts, ...flags } : { paths: parts, ...flags };
}

function readDoubles(view: DataView, offset: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, true);
  return out;
}
