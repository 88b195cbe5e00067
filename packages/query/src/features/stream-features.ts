import {
  ArcGISAuthError,
  ArcGISRequestError,
  LayerMetadata,
  fetchLayerInfo,
  type Field,
  type ParamValue,
  type Session,
} from "@arcrest/core";
import { queryStatistics } from "../operations/query-statistics.js";
import { queryCount } from "../operations/query-count.js";
import { queryObjectIds } from "../operations/query-object-ids.js";
import { layerUrl } from "../operations/layer-url.js";
import { sendRead } from "../operations/send-read.js";
import { featureQueryParams, orderByParam } from "../params/feature-query-params.js";
import { resolveOutFields } from "../params/out-fields.js";
import { andWhere } from "../params/where.js";
import { pagingCapabilitiesOf } from "../paging/capabilities.js";
import { readPages } from "../paging/read-pages.js";
import type { QueryFacts } from "../paging/planner.js";
import type { FetchedPage, PageSlice } from "../paging/types.js";
import { parseFeatureSet, type ParsedFeatureSet } from "../parse/feature-set.js";
import { parseGeoJSONPage } from "../parse/geojson-page.js";
import type { Feature, FeaturesOptions, GeoFeature, QueryFilter } from "../types.js";
import { esriFeatureNormalizer, geoFeatureNormalizer } from "./feature-normalizer.js";
import { flattenPages } from "./flatten-pages.js";

/** Options of {@link streamFeatures} and {@link streamPages}. */
export interface StreamFeaturesOptions extends FeaturesOptions {
  /** The layer's metadata when already loaded (else it is read once from `url`). */
  layer?: LayerMetadata;
  /** Receives the first Esri JSON page's metadata (fields, spatial reference ...), once. */
  onMetadata?: (metadata: Omit<ParsedFeatureSet, "features">) => void;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The filter part of the options, for count, ids and statistics of the same query. */
function filterOf(options: QueryFilter): QueryFilter {
  const { where, geometry, inSR, spatialRel, distance, units, time, objectIds, gdbVersion, params } = options;
  const filter: QueryFilter = {};
  const entries = { where, geometry, inSR, spatialRel, distance, units, time, objectIds, gdbVersion, params };
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) (filter as Record<string, unknown>)[k] = v;
  return filter;
}

function findKey(record: Record<string, unknown>, name: string): string {
  if (name in record) return name;
  const lower = name.toLowerCase();
  return Object.keys(record).find((k) => k.toLowerCase() === lower) ?? name;
}

/**
 * Every page of a query, as arrays of normalised features, in object id order
 * (or the given `orderByFields`), with at most `concurrency` pages in flight and
 * nothing else held. See `planPaging` for how pages are cut.
 *
 * @param url - the layer or table URL
 * @throws {@link IncompleteResultError} when fewer features arrived than the server counted
 */
export function streamPages(url: string, options: StreamFeaturesOptions & { f: "geojson" }): AsyncGenerator<GeoFeature[]>;
export function streamPages(url: string, options?: StreamFeaturesOptions & { f?: "json" }): AsyncGenerator<Feature[]>;
export function streamPages(url: string, options?: StreamFeaturesOptions): AsyncGenerator<Feature[] | GeoFeature[]>;
export function streamPages(url: string, options: StreamFeaturesOptions = {}): AsyncGenerator<Feature[] | GeoFeature[]> {
  return pagesOf(url, options, undefined) as AsyncGenerator<Feature[] | GeoFeature[]>;
}

/**
 * Reads one page in place of the default request + parse + normalise, e.g. to
 * parse the text elsewhere (a worker). Internal: see `@arcrest/query/internal`.
 */
export interface PageReader<F> {
  /**
   * Sends the query (`target`, `params`) and returns the page, normalised as the
   * default reader would with `fields`, `normalize` and `strip`.
   */
  read(
    target: string,
    params: Record<string, ParamValue>,
    call: { session?: Session | undefined; signal: AbortSignal },
    normalizing: { fields: readonly Field[]; strip: readonly string[] },
  ): Promise<FetchedPage<F>>;
  /** The object id of an item of a page. */
  oidOf(item: F): number | undefined;
}

/**
 * {@link streamPages} with a custom page reader (Esri JSON only): the same
 * paging plan, window, order, duplicate checks and count check.
 * @internal
 */
export function streamPagesWith<F>(url: string, options: StreamFeaturesOptions, reader: PageReader<F>): AsyncGenerator<F[]> {
  return pagesOf(url, { ...options, f: "json" }, reader) as AsyncGenerator<F[]>;
}

async function* pagesOf<F>(url: string, options: StreamFeaturesOptions, reader: PageReader<F> | undefined): AsyncGenerator<F[] | Feature[] | GeoFeature[]> {
  const base = layerUrl(url);
  const target = `${base}/query`;
  const call = { session: options.session, signal: options.signal };
  const layer = options.layer ?? new LayerMetadata(base, await fetchLayerInfo(base, call));
  const oidField = layer.objectIdField;
  const geojson = options.f === "geojson";
  const out = resolveOutFields(options.outFields, oidField, oidField !== undefined);
  const { resultOffset: _o, resultRecordCount: _c, ...rest } = options as StreamFeaturesOptions & { resultOffset?: number; resultRecordCount?: number };
  const baseParams = await featureQueryParams(rest, out.param);
  const userWhere = baseParams.where as string;
  const order = orderByParam(options.orderByFields);
  // Ordering by the object id ascending is what paging does anyway.
  const customOrder =
    order !== undefined && !(oidField !== undefined && new RegExp(`^${escapeRegExp(oidField)}(\\s+ASC)?$`, "i").test(order)) ? order : undefined;
  const filter = filterOf(options);

  const strip = out.strip !== undefined ? [out.strip] : [];
  let metadataSent = false;
  const fetch = async (slice: PageSlice, signal: AbortSignal): Promise<FetchedPage<Feature | GeoFeature>> => {
    const params: Record<string, ParamValue> = { ...baseParams, where: andWhere(userWhere, slice.where) };
    if (slice.resultOffset !== undefined) params.resultOffset = slice.resultOffset;
    if (slice.resultRecordCount !== undefined) params.resultRecordCount = slice.resultRecordCount;
    if (slice.objectIds !== undefined) params.objectIds = slice.objectIds.join(",");
    if (slice.orderByFields !== undefined) params.orderByFields = slice.orderByFields;
    if (reader) return reader.read(target, params, { ...call, signal }, { fields: layer.fields, strip }) as unknown as Promise<FetchedPage<Feature | GeoFeature>>;
    const json = await sendRead<unknown>(target, params, { ...call, signal });
    if (geojson) {
      const page = parseGeoJSONPage(json, target);
      return { features: page.features as GeoFeature[], exceededTransferLimit: page.exceededTransferLimit };
    }
    const set = parseFeatureSet(json, target);
    if (options.onMetadata && !metadataSent) {
      metadataSent = true;
      const { features: _features, ...metadata } = set;
      options.onMetadata(metadata);
    }
    return { features: set.features as Feature[], exceededTransferLimit: set.exceededTransferLimit };
  };

  let oidKey = oidField ?? "";
  const oidOf = reader
    ? (reader.oidOf as unknown as (f: Feature | GeoFeature) => number | undefined)
    : geojson
    ? (f: Feature | GeoFeature): number | undefined => {
        const g = f as GeoFeature;
        if (typeof g.id === "number") return g.id;
        const props = (g.properties ?? {}) as Record<string, unknown>;
        if (!(oidKey in props)) oidKey = findKey(props, oidField ?? "");
        const v = props[oidKey];
        return typeof v === "number" ? v : undefined;
      }
    : (f: Feature | GeoFeature): number | undefined => {
        const attrs = (f as Feature).attributes as Record<string, unknown>;
        let v = attrs[oidKey];
        if (v === undefined && oidField !== undefined) {
          oidKey = findKey(attrs, oidField);
          v = attrs[oidKey];
        }
        return typeof v === "number" ? v : undefined;
      };

  const stats = async (signal?: AbortSignal): Promise<QueryFacts | undefined> => {
    if (oidField === undefined) return undefined;
    try {
      const [row] = await queryStatistics(base, {
        ...filter,
        ...call,
        signal: signal ?? call.signal,
        outStatistics: [
          { statisticType: "count", onStatisticField: oidField, outStatisticFieldName: "arcrest_count" },
          { statisticType: "min", onStatisticField: oidField, outStatisticFieldName: "arcrest_min" },
          { statisticType: "max", onStatisticField: oidField, outStatisticFieldName: "arcrest_max" },
        ],
      });
      const count = Number(row?.arcrest_count ?? 0);
      const min = row?.arcrest_min;
      const max = row?.arcrest_max;
      if (!Number.isFinite(count)) return undefined;
      return typeof min === "number" && typeof max === "number" ? { count, minOid: min, maxOid: max } : { count };
    } catch (error) {
      // Statistics are an optimisation: a server without them still pages by count and ids.
      if (error instanceof ArcGISRequestError && !(error instanceof ArcGISAuthError) && !signal?.aborted) return undefined;
      throw error;
    }
  };

  const pages = readPages<Feature | GeoFeature>(
    {
      url: base,
      caps: pagingCapabilitiesOf(layer),
      fetch,
      oidOf,
      stats,
      count: (signal) => queryCount(base, { ...filter, ...call, signal: signal ?? call.signal }),
      ids: async (signal) => (await queryObjectIds(base, { ...filter, ...call, signal: signal ?? call.signal })).objectIds,
      ...(customOrder !== undefined ? { customOrder } : {}),
      userObjectIds: options.objectIds !== undefined,
    },
    {
      strategy: options.paging,
      pageSize: options.pageSize,
      concurrency: options.concurrency,
      signal: options.signal,
      onProgress: options.onProgress,
      onPlan: options.onPlan,
    },
  );

  if (reader) {
    yield* pages as unknown as AsyncGenerator<F[]>;
    return;
  }
  if (geojson) {
    const normalize = geoFeatureNormalizer(layer.fields, options.normalize, strip);
    for await (const page of pages) {
      for (const f of page as GeoFeature[]) normalize(f);
      yield page as GeoFeature[];
    }
  } else {
    const normalize = esriFeatureNormalizer(layer.fields, options.normalize, strip);
    for await (const page of pages) {
      for (const f of page as Feature[]) normalize(f);
      yield page as Feature[];
    }
  }
}

/**
 * Every feature matching a query, streamed: pages are fetched a few at a time
 * and yielded in order, so memory stays bounded however large the layer.
 *
 * @param url - the layer or table URL
 * @example
 * ```ts
 * for await (const feature of streamFeatures(url, { where: "state = 'CA'", outFields: ["gaugelid"] })) {
 *   console.log(feature.attributes.gaugelid);
 * }
 * ```
 * @throws {@link IncompleteResultError} when fewer features arrived than the server counted
 */
export function streamFeatures(url: string, options: StreamFeaturesOptions & { f: "geojson" }): AsyncGenerator<GeoFeature>;
export function streamFeatures(url: string, options?: StreamFeaturesOptions & { f?: "json" }): AsyncGenerator<Feature>;
export function streamFeatures(url: string, options?: StreamFeaturesOptions): AsyncGenerator<Feature | GeoFeature>;
export function streamFeatures(url: string, options: StreamFeaturesOptions = {}): AsyncGenerator<Feature | GeoFeature> {
  return flattenPages<Feature | GeoFeature>(streamPages(url, options), options.signal);
}
