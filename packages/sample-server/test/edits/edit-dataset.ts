/** A small dataset for edit tests: an editable FeatureServer with a point layer, a table and a read-only layer. */
import type { SampleDataset, SampleField, SampleLayer } from "../../src/data/types.js";

const field = (name: string, type: string, extra: Partial<SampleField> = {}): SampleField => ({
  name,
  type,
  alias: name,
  nullable: true,
  editable: true,
  domain: null,
  ...extra,
});

/** The editable point layer `Edits/Inspections/FeatureServer/0`. */
export function inspectionsLayer(capabilities = "Query,Create,Update,Delete,Editing,Sync,Uploads"): SampleLayer {
  return {
    id: 0,
    name: "inspections",
    type: "Feature Layer",
    geometryType: "esriGeometryPoint",
    wkid: 4326,
    objectIdField: "objectid",
    globalIdField: "globalid",
    displayField: "name",
    fields: [
      field("objectid", "esriFieldTypeOID", { nullable: false, editable: false }),
      field("globalid", "esriFieldTypeGlobalID", { length: 38, nullable: false, editable: false }),
      field("name", "esriFieldTypeString", { length: 20, nullable: false }),
      field("inspected", "esriFieldTypeDate", { length: 8 }),
      field("score", "esriFieldTypeDouble"),
      field("visits", "esriFieldTypeSmallInteger"),
    ],
    features: [
      { attributes: { objectid: 1, globalid: "{11111111-1111-4111-8111-111111111111}", name: "first", inspected: 0, score: 1.5, visits: 1 }, geometry: { x: -122.4, y: 37.7 } },
      { attributes: { objectid: 2, globalid: "{22222222-2222-4222-8222-222222222222}", name: "second", inspected: null, score: null, visits: 2 }, geometry: { x: -122.5, y: 37.8 } },
    ],
    nextObjectId: 3,
    maxRecordCount: 1000,
    supportsPagination: true,
    supportsOrderBy: true,
    currentVersion: 10.81,
    capabilities,
    hasAttachments: true,
    attachments: [],
    nextAttachmentId: 1,
  };
}

/** A dataset with `Edits/Inspections` (FeatureServer): layer 0 inspections, table 1 notes (no GlobalID), layer 2 read-only points. */
export function editDataset(): SampleDataset {
  const notes: SampleLayer = {
    id: 1,
    name: "notes",
    type: "Table",
    wkid: 4326,
    objectIdField: "objectid",
    displayField: "text",
    fields: [field("objectid", "esriFieldTypeOID", { nullable: false, editable: false }), field("text", "esriFieldTypeString", { length: 50 })],
    features: [],
    nextObjectId: 1,
    maxRecordCount: 1000,
    supportsPagination: true,
    currentVersion: 10.81,
    capabilities: "Query,Create,Update,Delete,Editing",
  };
  const readOnly: SampleLayer = { ...inspectionsLayer("Query,Update"), id: 2, name: "readonly", features: [], nextObjectId: 1 };
  return {
    folders: ["Edits"],
    securedFolders: [],
    services: [
      {
        name: "Edits/Inspections",
        type: "FeatureServer",
        layers: [inspectionsLayer(), notes, readOnly],
        currentVersion: 10.81,
      },
    ],
  };
}
