import type { SampleImageService } from "./catalog.js";
import { IMAGE_SR } from "./info.js";
import { BadRequest, boxOf, contains, parseGeometryJson, type ServerGeometry } from "./params.js";
import { applyRenderingRule, type PixelSource } from "./raster-functions.js";

/** The centre of the native pixel containing (x, y). */
function snap(service: SampleImageService, x: number, y: number): [number, number] {
  const { xmin, ymax } = service.extent;
  const size = service.pixelSize;
  return [xmin + (Math.floor((x - xmin) / size) + 0.5) * size, ymax - (Math.floor((ymax - y) / size) + 0.5) * size];
}

/** A pixel value as ArcGIS writes it in identify/getSamples: band values joined, float32 shortest form. */
function formatValues(source: PixelSource, values: number[], separator: string): string {
  return values.slice(0, source.bands).map((v) => String(source.pixelType === "F32" ? Math.fround(v) : v)).join(separator);
}

/** `identify`: the native pixel under a point. */
export function identify(service: SampleImageService, params: Record<string, string>): Record<string, unknown> {
  const geometry = parseGeometryJson(params.geometry);
  if (geometry.kind !== "point") throw new BadRequest("identify needs a point geometry.");
  const [x, y] = geometry.points[0];
  const source = applyRenderingRule(service, params.renderingRule);
  const values: number[] = [];
  const [cx, cy] = snap(service, x, y);
  const ok = source.at(cx, cy, values);
  const value = ok ? formatValues(source, values, ", ") : "NoData";
  return {
    objectId: 0,
    name: "Pixel",
    value,
    location: { x, y, spatialReference: IMAGE_SR },
    properties: null,
    catalogItems: null,
    catalogItemVisibilities: [],
  };
}

/** The sample locations of a geometry (points as given; lines and areas on a regular spacing). */
function sampleLocations(service: SampleImageService, geometry: ServerGeometry, params: Record<string, string>): number[][] {
  if (geometry.kind === "point") return geometry.points;
  const count = Math.min(1000, Math.max(1, Number(params.sampleCount ?? 100) || 100));
  if (geometry.kind === "polyline") {
    const out: number[][] = [];
    for (const path of geometry.paths) {
      const per = Math.max(2, Math.round(count / geometry.paths.length));
      for (let i = 0; i < per; i++) {
        const t = (i / (per - 1)) * (path.length - 1);
        const k = Math.min(path.length - 2, Math.floor(t));
        const f = t - k;
        out.push([path[k][0] + (path[k + 1][0] - path[k][0]) * f, path[k][1] + (path[k + 1][1] - path[k][1]) * f]);
      }
    }
    return out;
  }
  const box = boxOf(geometry);
  const step = Math.max(service.pixelSize, Math.sqrt(((box.xmax - box.xmin) * (box.ymax - box.ymin)) / count));
  const out: number[][] = [];
  for (let y = box.ymax - step / 2; y > box.ymin; y -= step) {
    for (let x = box.xmin + step / 2; x < box.xmax; x += step) if (contains(geometry, x, y)) out.push([x, y]);
  }
  return out.slice(0, 1000);
}

/** `getSamples`: pixel values at the geometry's sample locations. */
export function getSamples(service: SampleImageService, params: Record<string, string>): Record<string, unknown> {
  const geometry = parseGeometryJson(params.geometry);
  const source = applyRenderingRule(service, params.renderingRule);
  const firstOnly = (params.returnFirstValueOnly ?? "true").toLowerCase() !== "false";
  const samples = sampleLocations(service, geometry, params).map(([x, y], locationId) => {
    const values: number[] = [];
    const [cx, cy] = snap(service, x, y);
    const ok = source.at(cx, cy, values);
    const value = ok ? formatValues(source, values, " ") : "NoData";
    return { location: { x, y, spatialReference: IMAGE_SR }, locationId, value, rasterId: 1, resolution: service.pixelSize, attributes: {} };
  });
  return firstOnly ? { samples } : { samples: samples.map((s) => ({ ...s, values: [s.value] })) };
}

interface BandStats {
  values: number[];
}

/** Every pixel centre of the geometry at `pixelSize` (coarsened to at most 1,000,000 pixels). */
function collect(service: SampleImageService, params: Record<string, string>): { source: PixelSource; bands: BandStats[]; skip: number } {
  const geometry = parseGeometryJson(params.geometry);
  if (geometry.kind !== "polygon" && geometry.kind !== "envelope") throw new BadRequest("The geometry must be a polygon or an envelope.");
  const source = applyRenderingRule(service, params.renderingRule);
  const pixelSize = parsePixelSize(params.pixelSize) ?? service.pixelSize;
  const box = boxOf(geometry);
  const cells = ((box.xmax - box.xmin) / pixelSize) * ((box.ymax - box.ymin) / pixelSize);
  const skip = Math.max(1, Math.ceil(Math.sqrt(cells / 1_000_000)));
  const step = pixelSize * skip;
  const bands: BandStats[] = Array.from({ length: source.bands }, () => ({ values: [] }));
  const values: number[] = [];
  for (let y = box.ymax - step / 2; y > box.ymin; y -= step) {
    for (let x = box.xmin + step / 2; x < box.xmax; x += step) {
      if (!contains(geometry, x, y) || !source.at(x, y, values)) continue;
      for (let b = 0; b < source.bands; b++) bands[b].values.push(values[b]);
    }
  }
  return { source, bands, skip };
}

function parsePixelSize(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const value = trimmed.startsWith("{") ? (JSON.parse(trimmed) as { x?: number }).x : Number(trimmed.split(",")[0]);
  if (value === undefined || !(value > 0)) throw new BadRequest(`Invalid pixelSize: ${text}`);
  return value;
}

function histogram(source: PixelSource, values: number[]): { size: number; min: number; max: number; counts: number[] } {
  let min = source.pixelType === "U8" ? -0.5 : Infinity;
  let max = source.pixelType === "U8" ? 255.5 : -Infinity;
  if (source.pixelType !== "U8") {
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!Number.isFinite(min)) [min, max] = [0, 0];
  }
  const size = 256;
  const counts = new Array<number>(size).fill(0);
  const width = (max - min) / size || 1;
  for (const v of values) counts[Math.min(size - 1, Math.floor((v - min) / width))] += 1;
  return { size, min, max, counts };
}

/** `computeHistograms`. */
export function computeHistograms(service: SampleImageService, params: Record<string, string>): Record<string, unknown> {
  const { source, bands } = collect(service, params);
  return { histograms: bands.map((b) => histogram(source, b.values)) };
}

/** `computeStatisticsHistograms`. */
export function computeStatisticsHistograms(service: SampleImageService, params: Record<string, string>): Record<string, unknown> {
  const { source, bands, skip } = collect(service, params);
  const statistics = bands.map(({ values }) => {
    const count = values.length;
    if (count === 0) return { min: 0, max: 0, mean: 0, standardDeviation: 0, median: 0, mode: 0, skipX: skip, skipY: skip, count: 0 };
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / count;
    let squares = 0;
    for (const v of values) squares += (v - mean) ** 2;
    const sorted = Float64Array.from(values).sort();
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let mode = sorted[0];
    for (const [v, c] of counts) if (c > (counts.get(mode) ?? 0)) mode = v;
    return { min, max, mean, standardDeviation: Math.sqrt(squares / count), median: sorted[Math.floor(count / 2)], mode, skipX: skip, skipY: skip, count };
  });
  return { statistics, histograms: bands.map((b) => histogram(source, b.values)) };
}
