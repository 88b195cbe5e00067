/** A small dataset for edit tests: an editable FeatureServer with a point layer, a table and a read-only layer. */
import { oidField, stringField } from "../../src/data/field-builders.js";
import { inspectionsLayer as buildInspections } from "../../src/data/inspections.js";
import type { SampleDataset, SampleLayer } from "../../src/data/types.js";

/** The editable point layer `Edits/Inspections/FeatureServer/0`, with two features. */
export function inspectionsLayer(capabilities = "Query,Create,Update,Delete,Editing,Sync,Uploads"): SampleLayer {
  return buildInspections({
    capabilities,
    features: [
      { attributes: { objectid: 1, globalid: "{11111111-1111-4111-8111-111111111111}", name: "first", inspected: 0, score: 1.5, visits: 1 }, geometry: { x: -122.4, y: 37.7 } },
      { attributes: { objectid: 2, globalid: "{22222222-2222-4222-8222-222222222222}", name: "second", inspected: null, score: null, visits: 2 }, geometry: { x: -122.5, y: 37.8 } },
    ],
  });
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
    fields: [oidField(), stringField("text", 50)],
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
