import { ValidationError, type EsriEnvelope, type EsriPolygonLike, type SpatialReference } from "@arcrest/core";
import { ImageCapabilityError } from "./errors/image-capability-error.js";
import type { ImageService } from "./image-service.js";
import type { ExportImageRequest } from "./operations/export-image.js";
import { checkSize, type OutputGrid } from "./tiling/grid.js";
import type { MosaicJob } from "./tiling/mosaic.js";
import type { ClipOptions, ExportImageOptions, RenderingRule } from "./types.js";
import { checkBbox, checkRenderingRule } from "./validate.js";

/** Plans of exports and clips, validated before any request (shared by the facade and `/node`). */

const DEFAULT_CONCURRENCY = 4;

/** An export: one request under the server's limit, or a tiled job. */
export type ExportPlan = { single: ExportImageRequest; job?: undefined } | { single?: undefined; job: MosaicJob };

function wkidOf(sr: number | SpatialReference | undefined): number | undefined {
  return typeof sr === "number" ? sr : (sr?.latestWkid ?? sr?.wkid);
}

/** The EPSG code of a spatial reference, where it has one (102100 → 3857). */
function epsgOf(sr: number | SpatialReference | undefined): number | undefined {
  const wkid = wkidOf(sr);
  if (wkid === 102100 || wkid === 102113 || wkid === 900913) return 3857;
  return wkid !== undefined && wkid < 32768 ? wkid : undefined;
}

function pixelSizeXY(size: number | { x: number; y: number }): { x: number; y: number } {
  const xy = typeof size === "number" ? { x: size, y: size } : size;
  if (!(xy.x > 0 && xy.y > 0)) throw new ValidationError("pixelSize", `must be positive, got ${JSON.stringify(size)}`);
  return xy;
}

/** Throws {@link ImageCapabilityError} unless the service has the Image capability. */
export function requireImage(im: ImageService, operation: string): void {
  const capabilities = im.info.capabilities ?? "";
  if (!capabilities.split(",").some((c) => c.trim().toLowerCase() === "image")) throw new ImageCapabilityError(im.url, operation, capabilities);
}

function callOf(im: ImageService, options: { session?: ImageService["session"]; signal?: AbortSignal }) {
  return { session: options.session ?? im.session, ...(options.signal ? { signal: options.signal } : {}) };
}

/** Plans an export: one request, or a tiled job. Validates everything before any request. */
export function planExport(im: ImageService, options: ExportImageOptions): ExportPlan {
  const bbox: [number, number, number, number] = Array.isArray(options.bbox) ? options.bbox : [options.bbox.xmin, options.bbox.ymin, options.bbox.xmax, options.bbox.ymax];
  checkBbox(bbox);
  checkRenderingRule(options.renderingRule);
  let size: [number, number];
  if (options.size) size = options.size;
  else if (options.pixelSize !== undefined) {
    const ps = pixelSizeXY(options.pixelSize);
    size = [Math.ceil((bbox[2] - bbox[0]) / ps.x - 1e-9), Math.ceil((bbox[3] - bbox[1]) / ps.y - 1e-9)];
  } else throw new ValidationError("size", "give size or pixelSize");
  checkSize(size[0], size[1], "size");
  const format = options.format ?? "tiff";
  if (!["tiff", "png", "jpg"].includes(format)) throw new ValidationError("format", `tiff, png or jpg, got ${String(format)}`);
  requireImage(im, "exportImage");
  const shared = {
    ...callOf(im, options),
    bboxSR: options.bboxSR ?? wkidOf(im.spatialReference),
    imageSR: options.imageSR ?? options.bboxSR,
    renderingRule: options.renderingRule,
    mosaicRule: options.mosaicRule,
    interpolation: options.interpolation,
    noData: options.noData,
  };
  if (size[0] <= im.maxImageWidth && size[1] <= im.maxImageHeight) return { single: { ...shared, bbox, size, format } };
  if (format !== "tiff") {
    throw new ValidationError("size", `${size[0]} × ${size[1]} is over the server's ${im.maxImageWidth} × ${im.maxImageHeight}; only format "tiff" is tiled and mosaicked (ask for tiff, or a smaller ${format})`);
  }
  const grid: OutputGrid = { originX: bbox[0], originY: bbox[3], pixelSizeX: (bbox[2] - bbox[0]) / size[0], pixelSizeY: (bbox[3] - bbox[1]) / size[1], width: size[0], height: size[1] };
  return { job: jobOf(im, grid, shared, options, undefined) };
}

function jobOf(im: ImageService, grid: OutputGrid, shared: MosaicJob["request"], options: { concurrency?: number; onProgress?: MosaicJob["onProgress"]; noData?: number; compression?: MosaicJob["compression"] }, mask: EsriPolygonLike | undefined): MosaicJob {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError("concurrency", `a positive whole number, got ${concurrency}`);
  const compression = options.compression ?? "deflate";
  if (compression !== "deflate" && compression !== "lzw") throw new ValidationError("compression", `deflate or lzw, got ${String(compression)}`);
  const noData = options.noData ?? im.noDataValue ?? (im.pixelType === "U8" ? 0 : -3.4028234663852886e38);
  return {
    url: im.url,
    grid,
    tileWidth: im.maxImageWidth,
    tileHeight: im.maxImageHeight,
    request: { ...shared, noData },
    epsg: epsgOf(shared.imageSR ?? im.spatialReference),
    noData,
    ...(mask ? { mask } : {}),
    concurrency,
    compression,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/** Plans a clip: the grid starts at the geometry envelope's top-left corner. */
export function planClip(im: ImageService, geometry: EsriPolygonLike | EsriEnvelope, options: ClipOptions = {}): MosaicJob {
  const polygon: EsriPolygonLike | undefined = "rings" in geometry ? geometry : undefined;
  if (!polygon && !("xmin" in geometry)) throw new ValidationError("geometry", "a polygon or an envelope");
  const box = geometry as EsriEnvelope;
  const points = polygon ? polygon.rings.flat() : [[box.xmin, box.ymin], [box.xmax, box.ymax]];
  if (points.length === 0) throw new ValidationError("geometry", "the polygon has no rings");
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const bbox: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  checkBbox(bbox);
  checkRenderingRule(options.renderingRule);
  const ps = pixelSizeXY(options.pixelSize ?? { x: im.pixelSizeX, y: im.pixelSizeY });
  const width = Math.max(1, Math.ceil((bbox[2] - bbox[0]) / ps.x - 1e-9));
  const height = Math.max(1, Math.ceil((bbox[3] - bbox[1]) / ps.y - 1e-9));
  checkSize(width, height, "geometry");
  requireImage(im, "exportImage");
  const geometryWkid = wkidOf(geometry.spatialReference);
  const outWkid = wkidOf(options.outSR);
  if (outWkid !== undefined && geometryWkid !== undefined && epsgOf(outWkid) !== epsgOf(geometryWkid)) {
    // The grid is laid out in the geometry's coordinates; the client does not reproject.
    throw new ValidationError("outSR", `${outWkid} differs from the geometry's spatial reference ${geometryWkid}; project the geometry to the output spatial reference first`);
  }
  const wkid = outWkid ?? geometryWkid ?? wkidOf(im.spatialReference);
  const grid: OutputGrid = { originX: bbox[0], originY: bbox[3], pixelSizeX: ps.x, pixelSizeY: ps.y, width, height };
  const mask = polygon ?? { rings: [[[bbox[0], bbox[1]], [bbox[0], bbox[3]], [bbox[2], bbox[3]], [bbox[2], bbox[1]], [bbox[0], bbox[1]]]] };
  const shared = { ...callOf(im, options), bboxSR: wkid, imageSR: wkid, renderingRule: clipRule(im, mask, options.renderingRule) };
  return jobOf(im, grid, shared, options, mask);
}

/**
 * The server's `Clip` raster function around the caller's rule, where the service lists it (the client
 * applies the same centre-rule mask anyway, so the result does not depend on the server's).
 */
function clipRule(im: ImageService, polygon: EsriPolygonLike, rule: RenderingRule | undefined): RenderingRule | undefined {
  const hasClip = (im.info.rasterFunctionInfos ?? []).some((f) => f.name.toLowerCase() === "clip");
  if (!hasClip) return rule;
  const args: Record<string, unknown> = { ClippingGeometry: { rings: polygon.rings }, ClipType: 1 };
  if (rule) args.Raster = rule;
  return { rasterFunction: "Clip", rasterFunctionArguments: args };
}
