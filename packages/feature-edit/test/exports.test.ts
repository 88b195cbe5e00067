/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/feature-edit", () => {
  it("@arcrest/feature-edit: values", async () => {
    expect(Object.keys(await import("@arcrest/feature-edit")).sort()).toMatchInlineSnapshot(`
      [
        "EditsAbortedError",
        "FeatureLayer",
        "FeatureService",
        "InsertCursor",
        "ReplicaJobError",
        "UpdateCursor",
        "addAttachment",
        "addFeatures",
        "applyEdits",
        "applyServiceEdits",
        "calculate",
        "createReplica",
        "deleteAttachments",
        "deleteFeatures",
        "deleteUpload",
        "listReplicas",
        "listUploads",
        "newGlobalId",
        "replicaInfo",
        "synchronizeReplica",
        "unRegisterReplica",
        "updateAttachment",
        "updateFeatures",
        "uploadFile",
      ]
    `);
  });
  it("@arcrest/feature-edit: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "AttachmentBytes",
        "AttachmentEditOptions",
        "AttachmentEditResult",
        "AttachmentSource",
        "CalcExpression",
        "CalculateOptions",
        "CalculateResult",
        "ChunkReport",
        "CreateReplicaOptions",
        "DeleteSelection",
        "EditErrorInfo",
        "EditKind",
        "EditOptions",
        "EditResult",
        "EditStatus",
        "EditSummary",
        "EditableLayer",
        "EsriFeatureInput",
        "FeatureInput",
        "FeaturesInput",
        "LayerEditsInput",
        "LayerQuery",
        "NamedFile",
        "Replica",
        "ReplicaAttachment",
        "ReplicaEntry",
        "ReplicaInfo",
        "ReplicaJobStatus",
        "ReplicaLayer",
        "ReplicaLayerChanges",
        "ReplicaLayerEdits",
        "ServiceLayerEditsInput",
        "SynchronizeReplicaOptions",
        "SynchronizeResult",
        "UpdateCursorOptions",
        "UploadItem",
        "UploadOptions",
      ]
    `);
  });
  it("@arcrest/feature-edit/node: values", async () => {
    expect(Object.keys(await import("@arcrest/feature-edit/node")).sort()).toMatchInlineSnapshot(`
      [
        "attachmentFile",
        "defaultAttachmentPath",
        "downloadAllAttachments",
        "saveAttachment",
      ]
    `);
  });
  it("@arcrest/feature-edit/node: types", () => {
    expect(hasStarExport("src/node/index.ts")).toBe(false);
    expect(typeNames("src/node/index.ts")).toMatchInlineSnapshot(`
      [
        "AttachmentFile",
        "DownloadAllOptions",
        "DownloadedAttachment",
      ]
    `);
  });
});
