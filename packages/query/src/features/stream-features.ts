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

/** Everything fixed for one stream: the layer, its object id field and the query's parameters. */
interface StreamPlan {
  base: string;
  target: string;
  call: { session: StreamFeaturesOptions["session"]; signal: AbortSignal | undefined };
  layer: LayerMetadata;
  oidField: string | undefined;
  geojson: boolean;
  strip: string[];
  baseParams: Record<string, ParamValue>;
  userWhere: string;
  /** An `orderByFields` other than the object id ascending (which paging does anyway). */
  customOrder: string | undefined;
  filter: QueryFilter;
}

async function planStream(url: string, options: StreamFeaturesOptions): Promise<StreamPlan> {
  const base = layerUrl(url);
  const call = { session: options.session, signal: options.signal };
  const layer = options.layer ?? new LayerMetadata(base, await fetchLayerInfo(base, call));
  const oidField = layer.objectIdField;
  const out = resolveOutFields(options.outFields, oidField, oidField !== undefined);
  const { resultOffset: _o, resultRecordCount: _c, ...rest } = options as StreamFeaturesOptions & { resultOffset?: number; resultRecordCount?: number };
  const baseParams = await featureQueryParams(rest, out.param);
  const order = orderByParam(options.orderByFields);
  // The object id ascending (`OID` or `OID ASC`, any case): what paging does anyway.
  const oidOrder = oidField !== undefined && /^(\S+)(\s+ASC)?$/i.exec(order ?? "")?.[1]?.toLowerCase() === oidField.toLowerCase();
  return {
    base,
    target: `${base}/query`,
    call,
    layer,
    oidField,
    geojson: options.f === "geojson",
    strip: out.strip !== undefined ? [out.strip] : [],
    baseParams,
    userWhere: baseParams.where as string,
    customOrder: oidOrder ? undefined : order,
    filter: filterOf(options),
  };
}

/** Fetches one page slice; hands the first Esri JSON page's metadata to `onMetadata`, once. */
function pageFetcher(plan: StreamPlan, onMetadata: StreamFeaturesOptions["onMetadata"], reader?: PageReader<unknown>) {
  let metadataSent = false;
  return async (slice: PageSlice, signal: AbortSignal): Promise<FetchedPage<Feature | GeoFeature>> => {
    const params: Record<string, ParamValue> = { ...plan.baseParams, where: andWhere(plan.userWhere, slice.where) };
    if (slice.resultOffset !== undefined) params.resultOffset = slice.resultOffset;
    if (slice.resultRecordCount !== undefined) params.resultRecordCount = slice.resultRecordCount;
    if (slice.objectIds !== undefined) params.objectIds = slice.objectIds.join(",");
    if (slice.orderByFields !== undefined) params.orderByFields = slice.orderByFields;
    if (reader) return reader.read(plan.target, params, { ...plan.call, signal }, { fields: plan.layer.fields, strip: plan.strip }) as Promise<FetchedPage<Feature | GeoFeature>>;
    const json = await sendRead<unknown>(plan.target, params, { ...plan.call, signal });
    if (plan.geojson) {
      const page = parseGeoJSONPage(json, plan.target);
      return { features: page.features as GeoFeature[], exceededTransferLimit: page.exceededTransferLimit };
    }
    const set = parseFeatureSet(json, plan.target);
    // The request pipeline's closures can keep the parsed body reachable until a full GC (young-generation
    // collections treat the weak links between abort signals as strong). Detached from it, a page's features
    // die young once consumed instead of being copied and promoted with every page: a third of features()'s
    // garbage-collection time on 200,000 points.
    (json as { features?: unknown }).features = undefined;
    if (onMetadata && !metadataSent) {
      metadataSent = true;
      const { features: _features, ...metadata } = set;
      onMetadata(metadata);
    }
    return { features: set.features as Feature[], exceededTransferLimit: set.exceededTransferLimit };
  };
}

/** Reads a feature's object id (GeoJSON `id` or property, Esri JSON attribute), finding the key's case once. */
function oidReader(geojson: boolean, oidField: string | undefined): (f: Feature | GeoFeature) => number | undefined {
  let oidKey = oidField ?? "";
  if (geojson) {
    return (f) => {
      const g = f as GeoFeature;
      if (typeof g.id === "number") return g.id;
      const props = (g.properties ?? {}) as Record<string, unknown>;
      if (!(oidKey in props)) oidKey = findKey(props, oidField ?? "");
      const v = props[oidKey];
      return typeof v === "number" ? v : undefined;
    };
  }
  return (f) => {
    const attrs = (f as Feature).attributes as Record<string, unknown>;
    let v = attrs[oidKey];
    if (v === undefined && oidField !== undefined) {
      oidKey = findKey(attrs, oidField);
      v = attrs[oidKey];
    }
    return typeof v === "number" ? v : undefined;
  };
}

/** Count, lowest and highest object id of the query in one statistics request (undefined when the server has none). */
async function oidStatistics(plan: StreamPlan, signal?: AbortSignal): Promise<QueryFacts | undefined> {
  const { oidField } = plan;
  if (oidField === undefined) return undefined;
  try {
    const [row] = await queryStatistics(plan.base, {
      ...plan.filter,
      ...plan.call,
      signal: signal ?? plan.call.signal,
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
}

/** The raw pages of the plan, through the paging engine. */
function rawPages(plan: StreamPlan, options: StreamFeaturesOptions, reader?: PageReader<unknown>): AsyncGenerator<Array<Feature | GeoFeature>> {
  const { base, filter, call } = plan;
  const at = (signal?: AbortSignal) => ({ ...filter, ...call, signal: signal ?? call.signal });
  return readPages<Feature | GeoFeature>(
    {
      url: base,
      caps: pagingCapabilitiesOf(plan.layer),
      fetch: pageFetcher(plan, options.onMetadata, reader),
      oidOf: reader ? (reader.oidOf as (f: Feature | GeoFeature) => number | undefined) : oidReader(plan.geojson, plan.oidField),
      stats: (signal) => oidStatistics(plan, signal),
      count: (signal) => queryCount(base, at(signal)),
      ids: async (signal) => (await queryObjectIds(base, at(signal))).objectIds,
      ...(plan.customOrder !== undefined ? { customOrder: plan.customOrder } : {}),
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
export async function* streamPagesWith<F>(url: string, options: StreamFeaturesOptions, reader: PageReader<F>): AsyncGenerator<F[]> {
  const withJson = { ...options, f: "json" as const };
  const plan = await planStream(url, withJson);
  yield* rawPages(plan, withJson, reader as PageReader<unknown>) as unknown as AsyncGenerator<F[]>;
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
export async function* streamPages(url: string, options: StreamFeaturesOptions = {}): AsyncGenerator<Feature[] | GeoFeature[]> {
  const plan = await planStream(url, options);
  const pages = rawPages(plan, options);
  if (plan.geojson) {
    const normalize = geoFeatureNormalizer(plan.layer.fields, options.normalize, plan.strip);
    for await (const page of pages) {
      for (const f of page as GeoFeature[]) normalize(f);
      yield page as GeoFeature[];
    }
  } else {
    const normalize = esriFeatureNormalizer(plan.layer.fields, options.normalize, plan.strip);
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
