import { ValidationError, type CallOptions, type Field, type GeometryType, type LayerMetadata, type ParamValue, type SpatialReference } from "@arcrest/core";
import { esriFeatureNormalizer } from "../features/feature-normalizer.js";
import { spatialReferenceParam } from "../params/build-query-params.js";
import { orderByParam } from "../params/feature-query-params.js";
import { fieldList } from "../params/out-fields.js";
import { parseRelatedRecords } from "../parse/related-records.js";
import type { Feature, NormalizeOptions, SpatialReferenceInput } from "../types.js";
import { layerUrl } from "./layer-url.js";
import { sendRead } from "./send-read.js";

/** Options of {@link queryRelatedRecords}. */
export interface QueryRelatedRecordsOptions extends CallOptions {
  /** Source features whose related records are wanted. */
  objectIds: readonly number[];
  /** The relationship (`relationships[].id` of the layer). */
  relationshipId: number;
  /** Fields of the related table/layer to return (default all). */
  outFields?: string | readonly string[];
  /** Filter on the related records. */
  definitionExpression?: string;
  /** Return related geometries (default true when the related item is a layer). */
  returnGeometry?: boolean;
  outSR?: SpatialReferenceInput;
  orderByFields?: string | readonly string[];
  /** Value normalisation (dates, GUIDs, field case) or `false`. */
  normalize?: NormalizeOptions | false;
  /** Extra REST parameters. */
  params?: Record<string, ParamValue>;
}

/** Related records of one source feature. */
export interface RelatedRecordGroup {
  /** The source feature's object id. */
  objectId: number;
  relatedRecords: Feature[];
}

/** The typed answer of {@link queryRelatedRecords}. */
export interface RelatedRecordsResult {
  /** Fields of the related table or layer. */
  fields: Field[];
  geometryType?: GeometryType;
  spatialReference?: SpatialReference;
  /** One group per source feature that has related records. */
  groups: RelatedRecordGroup[];
}

function relatedParams(options: QueryRelatedRecordsOptions): Record<string, ParamValue> {
  if (!options.objectIds || options.objectIds.length === 0) throw new ValidationError("objectIds", "give at least one source object id");
  if (!Number.isInteger(options.relationshipId)) throw new ValidationError("relationshipId", `must be an integer, got ${String(options.relationshipId)}`);
  const fields = fieldList(options.outFields);
  const params: Record<string, ParamValue> = {
    objectIds: options.objectIds.join(","),
    relationshipId: options.relationshipId,
    outFields: fields.length === 0 ? "*" : fields.join(","),
    f: "json",
  };
  if (options.definitionExpression !== undefined) params.definitionExpression = options.definitionExpression;
  if (options.returnGeometry !== undefined) params.returnGeometry = options.returnGeometry;
  if (options.outSR !== undefined) params.outSR = spatialReferenceParam(options.outSR, "outSR");
  const order = orderByParam(options.orderByFields);
  if (order !== undefined) params.orderByFields = order;
  if (options.params) Object.assign(params, options.params);
  return params;
}

/**
 * Records related to some features through a relationship class
 * (`queryRelatedRecords`), grouped by source feature.
 *
 * @param url - the source layer or table URL
 * @param related - the related layer's metadata, when loaded, to normalise values by its fields
 */
export async function queryRelatedRecords(
  url: string,
  options: QueryRelatedRecordsOptions,
  related?: LayerMetadata,
): Promise<RelatedRecordsResult> {
  const target = `${layerUrl(url)}/queryRelatedRecords`;
  const json = await sendRead<unknown>(target, relatedParams(options), options);
  const parsed = parseRelatedRecords(json, target);
  const normalize = esriFeatureNormalizer(related?.fields ?? parsed.fields, options.normalize, []);
  const result: RelatedRecordsResult = {
    fields: parsed.fields,
    groups: parsed.groups.map((g) => ({ objectId: g.objectId, relatedRecords: g.relatedRecords.map((r) => normalize(r as Feature)) })),
  };
  if (parsed.geometryType !== undefined) result.geometryType = parsed.geometryType;
  if (parsed.spatialReference !== undefined) result.spatialReference = parsed.spatialReference;
  return result;
}

/**
 * How many related records each source feature has (`returnCountOnly`), as a
 * map from source object id to count; features without related records are absent.
 */
export async function queryRelatedRecordCount(url: string, options: QueryRelatedRecordsOptions): Promise<Map<number, number>> {
  const target = `${layerUrl(url)}/queryRelatedRecords`;
  const json = await sendRead<unknown>(target, { ...relatedParams(options), returnCountOnly: true }, options);
  const parsed = parseRelatedRecords(json, target);
  return new Map(parsed.groups.map((g) => [g.objectId, g.count ?? g.relatedRecords.length]));
}
