import { request, type EsriGeometryLike, type CallOptions, type ParamValue } from "@arcrest/core";
import type { BandStatistics, GetSamplesOptions, Histogram, IdentifyResult, ImageSample, PixelQueryOptions } from "../types.js";
import { checkRenderingRule } from "../validate.js";

const GEOMETRY_TYPES: Record<string, string> = { x: "esriGeometryPoint", points: "esriGeometryMultipoint", paths: "esriGeometryPolyline", rings: "esriGeometryPolygon", xmin: "esriGeometryEnvelope" };

/** The `geometryType` of an Esri JSON geometry. */
export function geometryTypeOf(geometry: EsriGeometryLike): string {
  const key = Object.keys(GEOMETRY_TYPES).find((k) => k in geometry);
  return key ? GEOMETRY_TYPES[key] : "esriGeometryPoint";
}

function call(options: CallOptions): CallOptions {
  return { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
}

function pixelParams(geometry: EsriGeometryLike, options: PixelQueryOptions): Record<string, ParamValue> {
  checkRenderingRule(options.renderingRule);
  return {
    geometry,
    geometryType: geometryTypeOf(geometry),
    renderingRule: options.renderingRule,
    mosaicRule: options.mosaicRule,
    pixelSize: typeof options.pixelSize === "number" ? `${options.pixelSize},${options.pixelSize}` : options.pixelSize,
  };
}

/** `identify`: the pixel value(s) under a point. */
export function identify(url: string, geometry: EsriGeometryLike, options: PixelQueryOptions = {}): Promise<IdentifyResult> {
  return request<IdentifyResult>(`${url}/identify`, { ...call(options), kind: "read", params: { ...pixelParams(geometry, options), returnGeometry: false, returnCatalogItems: false } });
}

/** `getSamples`: pixel values at sample locations of a geometry. */
export async function getSamples(url: string, geometry: EsriGeometryLike, options: GetSamplesOptions = {}): Promise<ImageSample[]> {
  const body = await request<{ samples: ImageSample[] }>(`${url}/getSamples`, {
    ...call(options),
    kind: "read",
    params: {
      ...pixelParams(geometry, options),
      returnFirstValueOnly: options.returnFirstValueOnly,
      outFields: options.outFields?.join(","),
      sampleCount: options.sampleCount,
      sampleDistance: options.sampleDistance,
    },
  });
  return body.samples;
}

/** `computeHistograms`: one histogram per band over a polygon or envelope. */
export async function computeHistograms(url: string, geometry: EsriGeometryLike, options: PixelQueryOptions = {}): Promise<Histogram[]> {
  const body = await request<{ histograms: Histogram[] }>(`${url}/computeHistograms`, { ...call(options), kind: "read", params: pixelParams(geometry, options) });
  return body.histograms;
}

/** Statistics and histograms per band. */
export interface StatisticsHistograms {
  statistics: BandStatistics[];
  histograms: Histogram[];
}

/** `computeStatisticsHistograms`: statistics and histograms per band over a polygon or envelope. */
export function computeStatisticsHistograms(url: string, geometry: EsriGeometryLike, options: PixelQueryOptions = {}): Promise<StatisticsHistograms> {
  return request<StatisticsHistograms>(`${url}/computeStatisticsHistograms`, { ...call(options), kind: "read", params: pixelParams(geometry, options) });
}
