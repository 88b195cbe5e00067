import {
  ValidationError,
  fetchServiceInfo,
  sessionFor,
  type CallOptions,
  type ConnectOptions,
  type EsriEnvelope,
  type EsriGeometryLike,
  type EsriPoint,
  type EsriPolygonLike,
  type Session,
  type SpatialReference,
} from "@arcrest/core";
import { ImageCapabilityError } from "./errors/image-capability-error.js";
import type { ByteSink } from "./geotiff/writer.js";
import { MemorySink } from "./memory-sink.js";
import { exportImageBytes } from "./operations/export-image.js";
import { computeHistograms, computeStatisticsHistograms, getSamples, identify, type StatisticsHistograms } from "./operations/pixel-queries.js";
import { checkSize, type OutputGrid } from "./tiling/grid.js";
import { mosaic, type MosaicJob } from "./tiling/mosaic.js";
import type { ClipOptions, ExportImageOptions, GetSamplesOptions, Histogram, IdentifyResult, ImageSample, ImageServiceInfo, PixelQueryOptions, PixelType } from "./types.js";
import { checkBbox, checkRenderingRule } from "./validate.js";

const DEFAULT_CONCURRENCY = 4;

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

/**
 * An image service (`.../ImageServer`): its raster properties, exports and clips of any size as one
 * GeoTIFF, identify, samples and histograms. The seed's `ImageService`.
 *
 * @example
 * ```ts
 * const im = await ImageService.connect("https://host/arcgis/rest/services/Elevation/DEM/ImageServer");
 * const tif = await im.clip(polygon);                       // GeoTIFF bytes, noData outside
 * const value = await im.pointIdentify({ x: -12990005, y: 4510005 });
 * ```
 */
export class ImageService {
  private constructor(
    /** The service URL. */
    readonly url: string,
    /** The service JSON. */
    readonly info: ImageServiceInfo,
    /** The session every request uses. */
    readonly session: Session,
  ) {}

  /**
   * Connects by URL, applying any credentials given.
   *
   * @example
   * ```ts
   * const im = await ImageService.connect(url, { token });
   * ```
   */
  static async connect(url: string, options: ConnectOptions = {}): Promise<ImageService> {
    const clean = url.split(/[?#]/)[0].replace(/\/+$/, "");
    if (!/\/ImageServer$/i.test(clean)) throw new ValidationError("url", `expected a .../ImageServer URL, got ${url}`);
    const session = await sessionFor(clean, options);
    const info = (await fetchServiceInfo(clean, { session, ...(options.signal ? { signal: options.signal } : {}) })) as unknown as ImageServiceInfo;
    return new ImageService(clean, info, session);
  }

  /** Pixel type, e.g. `F32` or `U8`. */
  get pixelType(): PixelType {
    return this.info.pixelType;
  }
  /** Number of bands. */
  get bandCount(): number {
    return this.info.bandCount;
  }
  /** Native extent. */
  get extent(): EsriEnvelope {
    return this.info.extent;
  }
  /** Native pixel width in map units. */
  get pixelSizeX(): number {
    return this.info.pixelSizeX;
  }
  /** Native pixel height in map units. */
  get pixelSizeY(): number {
    return this.info.pixelSizeY;
  }
  /** Largest exportImage width the server allows. */
  get maxImageWidth(): number {
    return this.info.maxImageWidth ?? 4100;
  }
  /** Largest exportImage height the server allows. */
  get maxImageHeight(): number {
    return this.info.maxImageHeight ?? 15000;
  }
  /** The service's noData value, when it advertises one. */
  get noDataValue(): number | undefined {
    return this.info.noDataValue ?? this.info.noDataValues?.[0];
  }
  /** The service's spatial reference. */
  get spatialReference(): SpatialReference | undefined {
    return this.info.spatialReference ?? this.info.extent?.spatialReference;
  }

  #call(options: CallOptions): CallOptions {
    return { session: options.session ?? this.session, ...(options.signal ? { signal: options.signal } : {}) };
  }

  #requireImage(operation: string): void {
    const capabilities = this.info.capabilities ?? "";
    if (!capabilities.split(",").some((c) => c.trim().toLowerCase() === "image")) throw new ImageCapabilityError(this.url, operation, capabilities);
  }

  /** A noData value for outputs: the option, the service's, or the type's usual one. */
  #noData(explicit: number | undefined): number {
    return explicit ?? this.noDataValue ?? (this.pixelType === "U8" ? 0 : -3.4028234663852886e38);
  }

  /**
   * Exports an image. A request larger than `maxImageWidth` × `maxImageHeight` is split into tiles at
   * exactly their part of one grid and mosaicked into one GeoTIFF (Deflate, GeoKeys, GDAL_NODATA).
   *
   * @example
   * ```ts
   * const bytes = await im.exportImage({ bbox: [xmin, ymin, xmax, ymax], size: [2000, 1500] });
   * ```
   */
  async exportImage(options: ExportImageOptions): Promise<Uint8Array> {
    const sink = new MemorySink();
    const plan = this.planExport(options);
    if (plan.single) return exportImageBytes(this.url, plan.single);
    return sink.bytes(await mosaic(plan.job!, sink));
  }

  /** Plans an export: one request, or a tiled job. Validates everything before any request. @internal */
  planExport(options: ExportImageOptions): { single?: Parameters<typeof exportImageBytes>[1]; job?: MosaicJob } {
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
    this.#requireImage("exportImage");
    const format = options.format ?? "tiff";
    const shared = {
      ...this.#call(options),
      bboxSR: options.bboxSR ?? this.spatialReference?.latestWkid ?? this.spatialReference?.wkid,
      imageSR: options.imageSR ?? options.bboxSR,
      renderingRule: options.renderingRule,
      mosaicRule: options.mosaicRule,
      interpolation: options.interpolation,
      noData: options.noData,
    };
    if (size[0] <= this.maxImageWidth && size[1] <= this.maxImageHeight) return { single: { ...shared, bbox, size, format } };
    if (format !== "tiff") throw new ValidationError("format", `${size[0]} × ${size[1]} is over the server's ${this.maxImageWidth} × ${this.maxImageHeight}; only tiff can be tiled`);
    const grid: OutputGrid = { originX: bbox[0], originY: bbox[3], pixelSizeX: (bbox[2] - bbox[0]) / size[0], pixelSizeY: (bbox[3] - bbox[1]) / size[1], width: size[0], height: size[1] };
    return { job: this.#job(grid, shared, options, undefined) };
  }

  #job(grid: OutputGrid, shared: MosaicJob["request"], options: { concurrency?: number; onProgress?: MosaicJob["onProgress"]; noData?: number }, mask: EsriPolygonLike | undefined): MosaicJob {
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError("concurrency", `a positive whole number, got ${concurrency}`);
    const noData = this.#noData(options.noData);
    return {
      url: this.url,
      grid,
      tileWidth: this.maxImageWidth,
      tileHeight: this.maxImageHeight,
      request: { ...shared, noData },
      epsg: epsgOf(shared.imageSR ?? this.spatialReference),
      noData,
      ...(mask ? { mask } : {}),
      concurrency,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
  }

  /** Plans a clip: the grid starts at the geometry envelope's top-left corner. @internal */
  planClip(geometry: EsriPolygonLike | EsriEnvelope, options: ClipOptions = {}): MosaicJob {
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
    const ps = pixelSizeXY(options.pixelSize ?? { x: this.pixelSizeX, y: this.pixelSizeY });
    const width = Math.max(1, Math.ceil((bbox[2] - bbox[0]) / ps.x - 1e-9));
    const height = Math.max(1, Math.ceil((bbox[3] - bbox[1]) / ps.y - 1e-9));
    checkSize(width, height, "geometry");
    this.#requireImage("exportImage");
    const sr = options.outSR ?? geometry.spatialReference ?? this.spatialReference;
    const wkid = wkidOf(sr);
    const grid: OutputGrid = { originX: bbox[0], originY: bbox[3], pixelSizeX: ps.x, pixelSizeY: ps.y, width, height };
    const mask = polygon ?? { rings: [[[bbox[0], bbox[1]], [bbox[0], bbox[3]], [bbox[2], bbox[3]], [bbox[2], bbox[1]], [bbox[0], bbox[1]]]] };
    const shared = { ...this.#call(options), bboxSR: wkid, imageSR: wkid, renderingRule: this.#clipRule(mask, options.renderingRule) };
    return this.#job(grid, shared, options, mask);
  }

  /**
   * The server's `Clip` raster function around the caller's rule, where the service lists it (the client
   * applies the same centre-rule mask anyway, so the result does not depend on the server's).
   */
  #clipRule(polygon: EsriPolygonLike, rule: ClipOptions["renderingRule"]): ClipOptions["renderingRule"] {
    const hasClip = (this.info.rasterFunctionInfos ?? []).some((f) => f.name.toLowerCase() === "clip");
    if (!hasClip) return rule;
    const args: Record<string, unknown> = { ClippingGeometry: { rings: polygon.rings }, ClipType: 1 };
    if (rule) args.Raster = rule;
    return { rasterFunction: "Clip", rasterFunctionArguments: args };
  }

  /** Sends one planned exportImage request. @internal */
  exportOnce(single: Parameters<typeof exportImageBytes>[1]): Promise<Uint8Array> {
    return exportImageBytes(this.url, single);
  }

  /** Writes a planned job into a sink; returns the IFD offset. @internal */
  runJob(job: MosaicJob, sink: ByteSink): Promise<number> {
    return mosaic(job, sink);
  }

  /**
   * Clips the service to a polygon: GeoTIFF bytes whose pixels with centres outside the polygon are
   * noData; the grid starts at the polygon envelope's top-left corner, at the native pixel size by default.
   * For large clips prefer `clipToFile` from `@arcrest/image/node` (memory stays bounded).
   *
   * @example
   * ```ts
   * const tif = await im.clip(polygon, { pixelSize: 20 });
   * ```
   */
  async clip(geometry: EsriPolygonLike | EsriEnvelope, options: ClipOptions = {}): Promise<Uint8Array> {
    const sink = new MemorySink();
    return sink.bytes(await mosaic(this.planClip(geometry, options), sink));
  }

  /**
   * The pixel value(s) at a point (one number per band), or `null` for NoData.
   *
   * @example
   * ```ts
   * const [elevation] = (await im.pointIdentify({ x: -12990005, y: 4510005 })) ?? [];
   * ```
   */
  async pointIdentify(point: { x: number; y: number; spatialReference?: SpatialReference }, options: PixelQueryOptions = {}): Promise<number[] | null> {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) throw new ValidationError("point", "x and y must be finite numbers");
    const result = await this.identify({ ...point, spatialReference: point.spatialReference ?? this.spatialReference } as EsriPoint, options);
    if (!result.value || /nodata/i.test(result.value)) return null;
    return result.value.split(/[,\s]+/).filter((s) => s !== "").map(Number);
  }

  /** `identify` at a geometry (usually a point). */
  identify(geometry: EsriGeometryLike, options: PixelQueryOptions = {}): Promise<IdentifyResult> {
    this.#requireImage("identify");
    return identify(this.url, geometry, { ...options, ...this.#call(options) });
  }

  /** `getSamples`: pixel values at sample locations of a geometry. */
  getSamples(geometry: EsriGeometryLike, options: GetSamplesOptions = {}): Promise<ImageSample[]> {
    this.#requireImage("getSamples");
    return getSamples(this.url, geometry, { ...options, ...this.#call(options) });
  }

  /** `computeHistograms` over a polygon or envelope. */
  computeHistograms(geometry: EsriPolygonLike | EsriEnvelope, options: PixelQueryOptions = {}): Promise<Histogram[]> {
    this.#requireImage("computeHistograms");
    return computeHistograms(this.url, geometry, { ...options, ...this.#call(options) });
  }

  /** `computeStatisticsHistograms` over a polygon or envelope. */
  computeStatisticsHistograms(geometry: EsriPolygonLike | EsriEnvelope, options: PixelQueryOptions = {}): Promise<StatisticsHistograms> {
    this.#requireImage("computeStatisticsHistograms");
    return computeStatisticsHistograms(this.url, geometry, { ...options, ...this.#call(options) });
  }
}
