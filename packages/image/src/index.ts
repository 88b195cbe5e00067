/**
 * `@arcrest/image`: ArcGIS image services — exports and clips of any size as one GeoTIFF (tiled under
 * the server's maximum), identify, samples and histograms. Web APIs only; files in `@arcrest/image/node`.
 *
 * @packageDocumentation
 */
export { ImageService } from "./image-service.js";
export { ImageCapabilityError } from "./errors/image-capability-error.js";
export { toBlob } from "./memory-sink.js";
export type { StatisticsHistograms } from "./operations/pixel-queries.js";
export type {
  BandStatistics,
  ClipOptions,
  ExportImageOptions,
  GetSamplesOptions,
  Histogram,
  IdentifyResult,
  ImageSample,
  ImageServiceInfo,
  MosaicRule,
  PixelQueryOptions,
  PixelType,
  RenderingRule,
} from "./types.js";
