/** Test data: the default dataset plus `Edits/Inspections`, an editable FeatureServer with the field types edits care about. */
import { createDefaultDataset, inspectionsLayer, type SampleDataset, type SampleLayer } from "@arcrest/sample-server";

const points = (id: number, name: string, capabilities: string, globalIds: boolean): SampleLayer =>
  inspectionsLayer({ id, name, capabilities, globalIds, maxRecordCount: 2000 });

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
    fields: [...inspectionsLayer().fields.slice(0, 2), { name: "text", type: "esriFieldTypeString", alias: "text", length: 50, nullable: true, editable: true, domain: null }],
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
