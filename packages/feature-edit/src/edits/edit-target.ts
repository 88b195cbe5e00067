import { LayerMetadata, fetchLayerInfo, type CallOptions } from "@arcrest/core";
import { cleanUrl } from "@arcrest/core/internal";

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

/**
 * The metadata of a layer given as a URL or as metadata already loaded (as query's functions
 * take it): a URL costs one request for the layer's description.
 */
export async function layerMetadataOf(layer: string | LayerMetadata, options: CallOptions): Promise<LayerMetadata> {
  if (typeof layer !== "string") return layer;
  const url = cleanUrl(layer);
  return new LayerMetadata(url, await fetchLayerInfo(url, { session: options.session, signal: options.signal }));
}
