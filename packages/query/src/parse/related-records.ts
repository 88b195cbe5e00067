import type { EsriFeature, Field, GeometryType, SpatialReference } from "@arcrest/core";
import { parseEsriFeature } from "./feature-set.js";
import { isRecord, unexpectedResponse } from "./response-error.js";

/** One source feature's related records (or their count), as parsed. */
export interface ParsedRelatedGroup {
  /** The source feature's object id. */
  objectId: number;
  /** Its related records (empty with `returnCountOnly`). */
  relatedRecords: EsriFeature<Record<string, unknown>>[];
  /** Present with `returnCountOnly`. */
  count?: number;
}

/** A `queryRelatedRecords` answer, checked. */
export interface ParsedRelatedRecords {
  /** Fields of the related table or layer. */
  fields: Field[];
  /** Geometry type of related features, when they are a layer's. */
  geometryType?: GeometryType;
  /** Their spatial reference. */
  spatialReference?: SpatialReference;
  /** One group per source feature. */
  groups: ParsedRelatedGroup[];
}

/** Parses a `queryRelatedRecords` answer (`relatedRecordGroups`). */
export function parseRelatedRecords(json: unknown, url: string): ParsedRelatedRecords {
  if (!isRecord(json) || !Array.isArray(json.relatedRecordGroups)) {
    throw unexpectedResponse(url, "related records ({ relatedRecordGroups: [...] })", json);
  }
  const groups = json.relatedRecordGroups.map((g): ParsedRelatedGroup => {
    if (!isRecord(g) || typeof g.objectId !== "number") throw unexpectedResponse(url, "related record groups with an objectId", g);
    const records = Array.isArray(g.relatedRecords) ? g.relatedRecords.map((r) => parseEsriFeature(r, url)) : [];
    const group: ParsedRelatedGroup = { objectId: Math.round(g.objectId), relatedRecords: records };
    if (typeof g.count === "number") group.count = g.count;
    return group;
  });
  const out: ParsedRelatedRecords = { fields: Array.isArray(json.fields) ? (json.fields as Field[]) : [], groups };
  if (typeof json.geometryType === "string") out.geometryType = json.geometryType as GeometryType;
  if (isRecord(json.spatialReference)) out.spatialReference = json.spatialReference as SpatialReference;
  return out;
}
