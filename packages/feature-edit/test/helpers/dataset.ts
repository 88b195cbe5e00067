/** Test data: the default dataset plus `Edits/Inspections`, an editable FeatureServer with the field types edits care about. */
import { createDefaultDataset, type SampleDataset, type SampleField, type SampleLayer } from "@arcrest/sample-server";

const field = (name: string, type: string, extra: Partial<SampleField> = {}): SampleField => ({
  name,
  type,
  alias: name,
  nullable: true,
  editable: true,
  domain: null,
  ...extra,
});

function points(id: number, name: string, capabilities: string, withGlobalIds: boolean): SampleLayer {
  return {
    id,
    name,
    type: "Feature Layer",
    geometryType: "esriGeometryPoint",
    wkid: 4326,
    objectIdField: "objectid",
    ...(withGlobalIds ? { globalIdField: "globalid" } : {}),
    displayField: "name",
    fields: [
      field("objectid", "esriFieldTypeOID", { nullable: false, editable: false }),
      ...(withGlobalIds ? [field("globalid", "esriFieldTypeGlobalID", { length: 38, nullable: false, editable: false })] : []),
      field("name", "esriFieldTypeString", { length: 20, nullable: false }),
      field("inspected", "esriFieldTypeDate", { length: 8 }),
      field("score", "esriFieldTypeDouble"),
      field("visits", "esriFieldTypeSmallInteger"),
    ],
    features: [],
    nextObjectId: 1,
    maxRecordCount: 2000,
    supportsPagination: true,
    supportsOrderBy: true,
    currentVersion: 10.81,
    capabilities,
    hasAttachments: true,
    attachments: [],
    nextAttachmentId: 1,
  };
}

/** Layer ids of `Edits/Inspections/FeatureServer`. */
export const LAYERS = { inspections: 0, noGlobalIds: 1, readOnly: 2, notes: 3 } as const;

/**
 * The default dataset with `Edits/Inspections` (FeatureServer): 0 `inspections` (GlobalIDs,
 * uploads, sync), 1 `plain` (no GlobalIDs), 2 `readonly` (Query,Update only), 3 table `notes`.
 */
export function editDataset(): SampleDataset {
  const dataset = createDefaultDataset();
  const notes: SampleLayer = {
    id: 3,
    name: "notes",
    type: "Table",
    wkid: 4326,
    objectIdField: "objectid",
    globalIdField: "globalid",
    displayField: "text",
    fields: [
      field("objectid", "esriFieldTypeOID", { nullable: false, editable: false }),
      field("globalid", "esriFieldTypeGlobalID", { length: 38, nullable: false, editable: false }),
      field("text", "esriFieldTypeString", { length: 50 }),
    ],
    features: [],
    nextObjectId: 1,
    maxRecordCount: 2000,
    supportsPagination: true,
    currentVersion: 10.81,
    capabilities: "Query,Create,Update,Delete,Editing,Sync",
  };
  dataset.folders.push("Edits");
  dataset.services.push({
    name: "Edits/Inspections",
    type: "FeatureServer",
    currentVersion: 10.81,
    layers: [
      points(0, "inspections", "Query,Create,Update,Delete,Editing,Sync,Uploads", true),
      points(1, "plain", "Query,Create,Update,Delete,Editing", false),
      points(2, "readonly", "Query,Update", true),
      notes,
    ],
  });
  return dataset;
}
