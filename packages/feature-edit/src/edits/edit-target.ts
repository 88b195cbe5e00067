import type { LayerMetadata } from "@arcrest/core";

/** What the edit engine needs to know about a layer or table it edits. */
export interface EditLayer {
  id: number;
  /** Layer URL (`.../FeatureServer/0`). */
  url: string;
  objectIdField: string;
  /** GlobalID field, when the layer has one. */
  globalIdField: string | undefined;
  /** Whether applyEdits takes client GlobalIDs (`supportsApplyEditsWithGlobalIds`). */
  supportsGlobalIds: boolean;
  /** Page size of queries (verification reads stay below it). */
  maxRecordCount: number;
}

/** The edit facts of a layer's metadata. */
export function editLayerOf(layer: LayerMetadata): EditLayer {
  const oid = layer.objectIdField;
  return {
    id: layer.id,
    url: layer.url,
    objectIdField: oid ?? "OBJECTID",
    globalIdField: layer.globalIdField || undefined,
    supportsGlobalIds: layer.info.supportsApplyEditsWithGlobalIds === true && !!layer.globalIdField,
    maxRecordCount: layer.maxRecordCount,
  };
}
