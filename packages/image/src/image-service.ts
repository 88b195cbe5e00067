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
import { MemorySink } from "./memory-sink.js";
import { exportImageBytes } from "./operations/export-image.js";
import { computeHistograms, computeStatisticsHistograms, getSamples, identify, type StatisticsHistograms } from "./operations/pixel-queries.js";
import { planClip, planExport, requireImage } from "./planning.js";
import { mosaic } from "./tiling/mosaic.js";
import type { ClipOptions, ExportImageOptions, GetSamplesOptions, Histogram, IdentifyResult, ImageSample, ImageServiceInfo, PixelQueryOptions, PixelType } from "./types.js";

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
    const plan = planExport(this, options);
    if (plan.single) return exportImageBytes(this.url, plan.single);
    const sink = new MemorySink();
    return sink.bytes(await mosaic(plan.job, sink));
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
    return sink.bytes(await mosaic(planClip(this, geometry, options), sink));
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

  /**
   * `identify` at a geometry (usually a point): the pixel value(s) as the server's text and its catalog items.
   *
   * @example
   * ```ts
   * const { value } = await im.identify({ x: -12990005, y: 4510005, spatialReference: { wkid: 102100 } });
   * ```
   */
  identify(geometry: EsriGeometryLike, options: PixelQueryOptions = {}): Promise<IdentifyResult> {
    requireImage(this, "identify");
    return identify(this.url, geometry, { ...options, ...this.#call(options) });
  }

  /**
   * `getSamples`: pixel values at sample locations of a geometry (points, or along a line or in a polygon).
   *
   * @example
   * ```ts
   * const samples = await im.getSamples({ points: [[-12990005, 4510005]], spatialReference: { wkid: 102100 } });
   * ```
   */
  getSamples(geometry: EsriGeometryLike, options: GetSamplesOptions = {}): Promise<ImageSample[]> {
    requireImage(this, "getSamples");
    return getSamples(this.url, geometry, { ...options, ...this.#call(options) });
  }

  /**
   * `computeHistograms` over a polygon or envelope: one histogram per band.
   *
   * @example
   * ```ts
   * const [histogram] = await im.computeHistograms({ xmin, ymin, xmax, ymax, spatialReference: { wkid: 102100 } });
   * ```
   */
  computeHistograms(geometry: EsriPolygonLike | EsriEnvelope, options: PixelQueryOptions = {}): Promise<Histogram[]> {
    requireImage(this, "computeHistograms");
    return computeHistograms(this.url, geometry, { ...options, ...this.#call(options) });
  }

  /**
   * `computeStatisticsHistograms` over a polygon or envelope: per-band statistics and histograms.
   *
   * @example
   * ```ts
   * const { statistics } = await im.computeStatisticsHistograms(polygon);
   * ```
   */
  computeStatisticsHistograms(geometry: EsriPolygonLike | EsriEnvelope, options: PixelQueryOptions = {}): Promise<StatisticsHistograms> {
    requireImage(this, "computeStatisticsHistograms");
    return computeStatisticsHistograms(this.url, geometry, { ...options, ...this.#call(options) });
  }
}
