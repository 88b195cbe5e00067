import { Geometry, ValidationError, request, type CallOptions, type GeometryInput, type ParamValue } from "@arcrest/core";
import { spatialReferenceParam, timeParam } from "../params/build-query-params.js";
import type { SpatialReferenceInput, TimeFilter } from "../types.js";

/** Options of {@link exportMap}. */
export interface ExportMapOptions extends CallOptions {
  /** The map extent: `[xmin, ymin, xmax, ymax]`, an envelope, or any geometry (its envelope is used). */
  bbox: GeometryInput;
  /** Spatial reference of `bbox` when it carries none. */
  bboxSR?: SpatialReferenceInput;
  /** Image size in pixels, `[width, height]`; default `[400, 400]`. */
  size?: readonly [number, number];
  /** Image format (`png`, `png8`, `png24`, `png32`, `jpg`, `gif`, `pdf`, `svg`...); default `png`. */
  format?: string;
  /** Resolution; default 96. */
  dpi?: number;
  /** Spatial reference of the image. */
  imageSR?: SpatialReferenceInput;
  /** Transparent background. */
  transparent?: boolean;
  /** Which layers to draw: `"show:0,2"` or a list of ids to show. */
  layers?: string | readonly number[];
  /** Per-layer where clauses, by layer id. */
  layerDefs?: Record<number, string>;
  /** Time instant or extent. */
  time?: TimeFilter;
  /** Extra REST parameters. */
  params?: Record<string, ParamValue>;
}

/** An exported map image. */
export interface ExportedMap {
  /** The image bytes. */
  bytes: Uint8Array;
  /** Its MIME type as the server sent it, e.g. `image/png`. */
  contentType: string;
  /** Requested size in pixels. */
  width: number;
  height: number;
}

function bboxParam(options: ExportMapOptions): { bbox: string; bboxSR?: number | string } {
  const input = options.bbox;
  if (Array.isArray(input) && input.length === 4 && input.every((n) => typeof n === "number" && Number.isFinite(n))) {
    const [xmin, ymin, xmax, ymax] = input as number[];
    if (xmin >= xmax || ymin >= ymax) throw new ValidationError("bbox", `needs xmin < xmax and ymin < ymax, got [${input.join(", ")}]`);
    return { bbox: input.join(","), ...(options.bboxSR !== undefined ? { bboxSR: spatialReferenceParam(options.bboxSR, "bboxSR") } : {}) };
  }
  const geometry = Geometry.from(input);
  const env = geometry.envelope();
  if (env.isEmpty) throw new ValidationError("bbox", "the geometry is empty");
  const sr = geometry.spatialReference ?? options.bboxSR;
  const bboxSR = sr !== undefined ? spatialReferenceParam(sr, "bboxSR") : undefined;
  return { bbox: [env.xmin, env.ymin, env.xmax, env.ymax].join(","), ...(bboxSR !== undefined ? { bboxSR } : {}) };
}

/**
 * Renders a map image (`<MapServer>/export` with `f=image`) and returns its
 * bytes. Browser-safe; to write a file in Node use `saveMapImage` from
 * `@arcrest/query/node` or `fs.writeFile(path, result.bytes)`.
 *
 * @param url - the MapServer URL
 * @example
 * ```ts
 * const { bytes } = await exportMap(url, { bbox: [-125, 32, -114, 42], bboxSR: 4326, size: [800, 600] });
 * ```
 */
export async function exportMap(url: string, options: ExportMapOptions): Promise<ExportedMap> {
  const [width, height] = options.size ?? [400, 400];
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ValidationError("size", `must be [width, height] in whole pixels, got [${String(width)}, ${String(height)}]`);
  }
  const params: Record<string, ParamValue> = {
    ...bboxParam(options),
    size: `${width},${height}`,
    format: options.format ?? "png",
    f: "image",
  };
  if (options.dpi !== undefined) params.dpi = options.dpi;
  if (options.imageSR !== undefined) params.imageSR = spatialReferenceParam(options.imageSR, "imageSR");
  if (options.transparent !== undefined) params.transparent = options.transparent;
  if (options.layers !== undefined) params.layers = typeof options.layers === "string" ? options.layers : `show:${options.layers.join(",")}`;
  if (options.layerDefs !== undefined) params.layerDefs = JSON.stringify(options.layerDefs);
  if (options.time !== undefined) params.time = timeParam(options.time);
  if (options.params) Object.assign(params, options.params);
  const target = `${url.split(/[?#]/)[0].replace(/\/+$/, "").replace(/\/export$/i, "")}/export`;
  const response = await request(target, {
    params,
    rawResponse: true,
    kind: "read",
    ...(options.session ? { session: options.session } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, contentType: response.headers.get("content-type")?.split(";")[0] ?? "application/octet-stream", width, height };
}
