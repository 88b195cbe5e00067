import type { CallOptions, EsriEnvelope, Progress, SpatialReference } from "@arcrest/core";

/** ArcGIS pixel types. */
export type PixelType = "U1" | "U2" | "U4" | "U8" | "S8" | "U16" | "S16" | "U32" | "S32" | "F32" | "F64" | "C64" | "C128" | "UNKNOWN";

/** A raster function applied on the server (`renderingRule`), e.g. BandArithmetic or Clip. */
export interface RenderingRule {
  rasterFunction: string;
  rasterFunctionArguments?: Record<string, unknown>;
  outputPixelType?: PixelType;
  variableName?: string;
}

/** A mosaic rule (passed through as the server's JSON). */
export type MosaicRule = Record<string, unknown>;

/** The image service JSON (the keys this package reads; others are kept). */
export interface ImageServiceInfo {
  pixelType: PixelType;
  bandCount: number;
  extent: EsriEnvelope;
  pixelSizeX: number;
  pixelSizeY: number;
  maxImageWidth?: number;
  maxImageHeight?: number;
  noDataValue?: number;
  noDataValues?: number[];
  capabilities?: string;
  spatialReference?: SpatialReference;
  rasterFunctionInfos?: { name: string; description?: string }[];
  [key: string]: unknown;
}

/** Options of {@link ImageService.exportImage}. */
export interface ExportImageOptions extends CallOptions {
  /** `[xmin, ymin, xmax, ymax]` or an envelope (in `bboxSR`, default the service's SR). */
  bbox: [number, number, number, number] | EsriEnvelope;
  /** Output size in pixels `[width, height]`; or give `pixelSize`. */
  size?: [number, number];
  /** Output pixel size (map units); the size is then the bbox divided by it (rounded up). */
  pixelSize?: number | { x: number; y: number };
  bboxSR?: number | SpatialReference;
  imageSR?: number | SpatialReference;
  /** Default `tiff`. A request larger than the service's maximum is tiled (TIFF only). */
  format?: "tiff" | "png" | "jpg";
  renderingRule?: RenderingRule;
  mosaicRule?: MosaicRule;
  interpolation?: "RSP_NearestNeighbor" | "RSP_BilinearInterpolation" | "RSP_CubicConvolution" | "RSP_Majority";
  noData?: number;
  /** Tiles fetched at once; default 4. */
  concurrency?: number;
  /** Compression of a tiled (mosaicked) GeoTIFF: `deflate` (default) or `lzw`. A single request returns the server's bytes as they are. */
  compression?: "deflate" | "lzw";
  /** Called after each row of tiles. */
  onProgress?: (progress: Progress) => void;
}

/** Options of {@link ImageService.clip}. */
export interface ClipOptions extends CallOptions {
  /** Output pixel size; default the service's native pixel size. */
  pixelSize?: number | { x: number; y: number };
  /** Output spatial reference; default the service's. */
  outSR?: number | SpatialReference;
  renderingRule?: RenderingRule;
  /** Tiles fetched at once; default 4. */
  concurrency?: number;
  /** Compression of the GeoTIFF: `deflate` (default) or `lzw`. */
  compression?: "deflate" | "lzw";
  onProgress?: (progress: Progress) => void;
}

/** Options of pixel queries (identify, samples, histograms). */
export interface PixelQueryOptions extends CallOptions {
  renderingRule?: RenderingRule;
  mosaicRule?: MosaicRule;
  pixelSize?: number | { x: number; y: number };
}

/** The identify answer. */
export interface IdentifyResult {
  objectId?: number;
  name: string;
  /** Band values joined by ", ", or "NoData". */
  value: string;
  location?: { x: number; y: number; spatialReference?: SpatialReference };
  properties?: unknown;
  catalogItems?: unknown;
  catalogItemVisibilities?: number[];
}

/** One sample of getSamples. */
export interface ImageSample {
  location: { x: number; y: number; spatialReference?: SpatialReference };
  locationId: number;
  /** Band values joined by spaces, or "NoData". */
  value: string;
  rasterId?: number;
  resolution?: number;
  attributes?: Record<string, unknown>;
}

/** Options of getSamples. */
export interface GetSamplesOptions extends PixelQueryOptions {
  returnFirstValueOnly?: boolean;
  outFields?: string[];
  sampleCount?: number;
  sampleDistance?: number;
}

/** A histogram of one band. */
export interface Histogram {
  size: number;
  min: number;
  max: number;
  counts: number[];
}

/** Statistics of one band. */
export interface BandStatistics {
  min: number;
  max: number;
  mean: number;
  standardDeviation: number;
  median?: number;
  mode?: number;
  skipX?: number;
  skipY?: number;
  count: number;
}
