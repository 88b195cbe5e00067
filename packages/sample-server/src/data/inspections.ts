/**
 * An editable point layer with the field types edit tests care about (string with a length,
 * date, double, small integer, optional GlobalID). Tests of the server and of client packages
 * build their `Edits/Inspections` services from it.
 */
import { dateField, doubleField, globalIdField, oidField, smallIntegerField, stringField } from "./field-builders.js";
import type { SampleFeature, SampleLayer } from "./types.js";

/** Options of {@link inspectionsLayer}. */
export interface InspectionsLayerOptions {
  id?: number;
  name?: string;
  /** Default "Query,Create,Update,Delete,Editing,Sync,Uploads". */
  capabilities?: string;
  /** Whether the layer has a `globalid` field (default true). */
  globalIds?: boolean;
  maxRecordCount?: number;
  features?: SampleFeature[];
}

/** An editable point layer: objectid, globalid, name (20 chars, required), inspected (date), score (double), visits (small integer). */
export function inspectionsLayer(options: InspectionsLayerOptions = {}): SampleLayer {
  const globalIds = options.globalIds ?? true;
  const features = options.features ?? [];
  const maxOid = features.reduce((max, f) => Math.max(max, Number(f.attributes.objectid) || 0), 0);
  return {
    id: options.id ?? 0,
    name: options.name ?? "inspections",
    type: "Feature Layer",
    geometryType: "esriGeometryPoint",
    wkid: 4326,
    objectIdField: "objectid",
    ...(globalIds ? { globalIdField: "globalid" } : {}),
    displayField: "name",
    fields: [
      oidField(),
      ...(globalIds ? [globalIdField()] : []),
      stringField("name", 20, "name", { nullable: false }),
      dateField("inspected"),
      doubleField("score"),
      smallIntegerField("visits"),
    ],
    features,
    nextObjectId: maxOid + 1,
    maxRecordCount: options.maxRecordCount ?? 1000,
    supportsPagination: true,
    supportsOrderBy: true,
    currentVersion: 10.81,
    capabilities: options.capabilities ?? "Query,Create,Update,Delete,Editing,Sync,Uploads",
    hasAttachments: true,
    attachments: [],
    nextAttachmentId: 1,
  };
}
