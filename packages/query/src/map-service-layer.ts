import { fetchLayerInfo, LayerMetadata, sessionFor, ValidationError, type CallOptions, type ConnectOptions, type GeometryInput, type LayerInfo, type Session } from "@arcrest/core";
import type { Attachment } from "./attachments/attachment.js";
import { searchCursor, type CursorOptions } from "./cursor/cursor.js";
import type { Row } from "./cursor/row.js";
import { queryAll } from "./features/query-all.js";
import { streamFeatures, streamPages, type StreamFeaturesOptions } from "./features/stream-features.js";
import { codedValueDecoder } from "./normalize/coded-values.js";
import { fetchAttachments } from "./operations/fetch-attachments.js";
import { getFeature, type GetFeatureOptions } from "./operations/get-feature.js";
import { layerUrl } from "./operations/layer-url.js";
import { queryAttachments, type FeatureAttachments, type QueryAttachmentsOptions } from "./operations/query-attachments.js";
import { queryCount } from "./operations/query-count.js";
import { queryDistinctValues, type QueryDistinctValuesOptions } from "./operations/query-distinct-values.js";
import { queryFeatures } from "./operations/query-features.js";
import { queryObjectIds } from "./operations/query-object-ids.js";
import {
  queryRelatedRecordCount,
  queryRelatedRecords,
  type QueryRelatedRecordsOptions,
  type RelatedRecordsResult,
} from "./operations/query-related-records.js";
import { queryStatistics, type QueryStatisticsOptions } from "./operations/query-statistics.js";
import type {
  Feature,
  FeatureValue,
  FeaturesOptions,
  GeoFeature,
  GeoJSONQueryResult,
  PagingOptions,
  QueryFilter,
  QueryResult,
  SingleQueryOptions,
} from "./types.js";

/** Options of {@link MapServiceLayer.query}. */
export interface LayerQueryOptions extends SingleQueryOptions, PagingOptions {
  /** Read every page (the seed's `get_all=True`) instead of one request. */
  getAll?: boolean;
}

/** Options of {@link MapServiceLayer.queryRelatedRecords}: the relationship by id or name. */
export interface LayerRelatedRecordsOptions extends Omit<QueryRelatedRecordsOptions, "relationshipId"> {
  /** Relationship id, or its name (case-insensitive); default: the layer's only relationship. */
  relationship?: number | string;
}

/** Options of {@link MapServiceLayer.selectByLocation}. */
export type SelectByLocationOptions = Omit<FeaturesOptions, "geometry">;

/**
 * A layer or table of a map or feature service, with every read operation
 * (the seed's `MapServiceLayer`). Its metadata (fields, object id field,
 * limits...) comes from {@link LayerMetadata}.
 *
 * @example
 * ```ts
 * const lyr = await MapServiceLayer.connect("https://host/arcgis/rest/services/ahps_gauges/MapServer/0");
 * console.log(lyr.listFields());
 * for await (const f of lyr.features({ where: "state = 'CA'" })) console.log(f.attributes.gaugelid);
 * ```
 */
export class MapServiceLayer extends LayerMetadata {
  /** The session requests go through (`undefined`: the default session). */
  readonly session: Session | undefined;

  /**
   * @param url - the layer URL
   * @param info - the layer JSON
   * @param session - the session for every request
   */
  constructor(url: string, info: LayerInfo, session?: Session) {
    super(layerUrl(url), info);
    this.session = session;
  }

  /** Loads a layer or table by URL (MapServer or FeatureServer), applying any credentials given. */
  static async connect(url: string, options: ConnectOptions = {}): Promise<MapServiceLayer> {
    const clean = layerUrl(url);
    const session = await sessionFor(clean, options);
    const info = await fetchLayerInfo(clean, { session, signal: options.signal });
    return new MapServiceLayer(clean, info, session);
  }

  #call<T extends CallOptions>(options: T): T & { session?: Session } {
    return options.session || !this.session ? options : { ...options, session: this.session };
  }

  /**
   * Queries features: one request by default (at most `maxRecordCount`, with
   * `exceededTransferLimit`), or every page with `getAll: true`.
   */
  query(options: LayerQueryOptions & { f: "geojson" }): Promise<GeoJSONQueryResult>;
  query(options?: LayerQueryOptions & { f?: "json" }): Promise<QueryResult>;
  async query(options: LayerQueryOptions = {}): Promise<QueryResult | GeoJSONQueryResult> {
    const { getAll, ...rest } = options;
    if (getAll) {
      if (rest.resultOffset !== undefined || rest.resultRecordCount !== undefined) {
        throw new ValidationError("getAll", "reads every page itself; leave out resultOffset and resultRecordCount");
      }
      return queryAll(this.url, { ...this.#call(rest), layer: this });
    }
    return queryFeatures(this.url, { ...this.#call(rest), layer: this });
  }

  /** Every matching feature as an async iterable, streamed page by page in bounded memory. */
  features(options: FeaturesOptions & { f: "geojson" }): AsyncGenerator<GeoFeature>;
  features(options?: FeaturesOptions & { f?: "json" }): AsyncGenerator<Feature>;
  features(options: FeaturesOptions = {}): AsyncGenerator<Feature | GeoFeature> {
    return streamFeatures(this.url, { ...this.#call(options), layer: this } as StreamFeaturesOptions);
  }

  /** Every matching feature, one page (array) at a time. */
  pages(options: FeaturesOptions & { f: "geojson" }): AsyncGenerator<GeoFeature[]>;
  pages(options?: FeaturesOptions & { f?: "json" }): AsyncGenerator<Feature[]>;
  pages(options: FeaturesOptions = {}): AsyncGenerator<Feature[] | GeoFeature[]> {
    return streamPages(this.url, { ...this.#call(options), layer: this } as StreamFeaturesOptions);
  }

  /** An arcpy-style cursor with the `SHAPE@`, `SHAPE@XY`, `SHAPE@JSON` and `OID@` tokens. */
  cursor(options: CursorOptions = {}): AsyncGenerator<Row> {
    return searchCursor(this, this.#call(options));
  }

  /** Features intersecting (or within `distance` of) a geometry: the seed's `select_by_location`. */
  async selectByLocation(geometry: GeometryInput, options: SelectByLocationOptions = {}): Promise<QueryResult> {
    return queryAll(this.url, { ...this.#call(options), geometry, layer: this, f: "json" });
  }

  /** Number of matching features (`returnCountOnly`). */
  async count(options: QueryFilter & CallOptions = {}): Promise<number> {
    return queryCount(this.url, this.#call(options));
  }

  /** Object ids of the matching features, sorted. */
  async objectIds(options: QueryFilter & CallOptions = {}): Promise<number[]> {
    return (await queryObjectIds(this.url, this.#call(options))).objectIds;
  }

  /** Statistics (count, sum, min, max, avg, stddev, var...), optionally grouped. */
  async statistics(options: QueryStatisticsOptions): Promise<Record<string, FeatureValue>[]> {
    return queryStatistics(this.url, this.#call(options));
  }

  /** Distinct values of a field (or distinct combinations of several). */
  distinctValues(field: string, options?: QueryDistinctValuesOptions): Promise<FeatureValue[]>;
  distinctValues(fields: readonly string[], options?: QueryDistinctValuesOptions): Promise<Record<string, FeatureValue>[]>;
  distinctValues(fields: string | readonly string[], options: QueryDistinctValuesOptions = {}): Promise<FeatureValue[] | Record<string, FeatureValue>[]> {
    return typeof fields === "string"
      ? queryDistinctValues(this.url, fields, this.#call(options))
      : queryDistinctValues(this.url, fields, this.#call(options));
  }

  /** One feature by object id. */
  async getFeature(objectId: number, options: GetFeatureOptions = {}): Promise<Feature> {
    return getFeature(this.url, objectId, { ...this.#call(options), layer: this });
  }

  /** The relationship id for an id or a name. */
  relationshipId(relationship?: number | string): number {
    const all = this.relationships;
    if (relationship === undefined) {
      if (all.length === 1) return all[0].id;
      throw new ValidationError(
        "relationship",
        all.length === 0 ? `${this.url} has no relationships` : `${this.url} has several relationships; name one of ${all.map((r) => `${r.id} (${r.name})`).join(", ")}`,
      );
    }
    if (typeof relationship === "number") return relationship;
    const found = all.find((r) => r.name.toLowerCase() === relationship.toLowerCase());
    if (!found) throw new ValidationError("relationship", `no relationship named "${relationship}"; have ${all.map((r) => r.name).join(", ") || "none"}`);
    return found.id;
  }

  /** Records related to some of this layer's features, grouped by feature. */
  async queryRelatedRecords(options: LayerRelatedRecordsOptions): Promise<RelatedRecordsResult> {
    const { relationship, ...rest } = options;
    return queryRelatedRecords(this.url, { ...this.#call(rest), relationshipId: this.relationshipId(relationship) });
  }

  /** How many related records each feature has. */
  async relatedRecordCount(options: LayerRelatedRecordsOptions): Promise<Map<number, number>> {
    const { relationship, ...rest } = options;
    return queryRelatedRecordCount(this.url, { ...this.#call(rest), relationshipId: this.relationshipId(relationship) });
  }

  /** The attachments of one feature, each with `download()`. */
  async attachments(objectId: number, options: CallOptions = {}): Promise<Attachment[]> {
    return fetchAttachments(this.url, objectId, this.#call(options));
  }

  /**
   * Attachments of many features at once (`queryAttachments` on 10.7+, one
   * request per feature on older servers or layers that do not advertise it).
   */
  async queryAttachments(options: QueryAttachmentsOptions = {}): Promise<FeatureAttachments[]> {
    const supported = this.info.advancedQueryCapabilities?.supportsQueryAttachments === true;
    return queryAttachments(this.url, { ...(supported ? {} : { mode: "per-feature" as const }), ...this.#call(options) });
  }

  /** A function replacing coded values by their names in attribute objects of this layer. */
  decoder(): <A extends Record<string, unknown>>(attributes: A) => A {
    return codedValueDecoder(this.fields);
  }
}
