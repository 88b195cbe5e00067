import { LayerMetadata, fetchLayerInfo, type CallOptions } from "@arcrest/core";
import { cleanUrl } from "@arcrest/core/internal";

/**
 * A layer to edit: its URL (its description is then read once), or its metadata (a
 * `FeatureLayer`, `MapServiceLayer` or `LayerMetadata`), as query's functions take it.
 */
export type EditableLayer = string | LayerMetadata;

/** Largest default chunk. */
const MAX_DEFAULT_BATCH = 1000;

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
export async function layerMetadataOf(layer: EditableLayer, options: CallOptions): Promise<LayerMetadata> {
  if (typeof layer !== "string") return layer;
  const url = cleanUrl(layer);
  return new LayerMetadata(url, await fetchLayerInfo(url, { session: options.session, signal: options.signal }));
}

/** The default chunk size for edits of these layers: the smallest `maxRecordCount`, at most 1000. */
export function defaultBatch(layers: Iterable<EditLayer>): number {
  let batch = MAX_DEFAULT_BATCH;
  for (const layer of layers) batch = Math.min(batch, layer.maxRecordCount || MAX_DEFAULT_BATCH);
  return batch;
}
