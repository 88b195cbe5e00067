/**
 * Replica contents in JSON format: the features (and attachment infos) of a replica's layers,
 * and the changes since a server generation, as createReplica and synchronizeReplica return them.
 */
import type { SampleFeature, SampleGeometry, SampleLayer, SampleService } from "../data/types.js";
import { transformBetween, type Transform } from "../query/projection.js";
import { canonicalWkid } from "../query/spatial-reference.js";
import { changesSince, type EditState, type ReplicaRecord } from "./edit-state.js";

/** How attachments are listed in replica data. */
export interface AttachmentOptions {
  returnAttachments: boolean;
  /** Link to each attachment (true) or embed its bytes as base64 `data` (false). */
  byUrl: boolean;
  serviceUrl: string;
}

function projectGeometry(geometry: SampleGeometry | null, transform: Transform | null): SampleGeometry | null {
  if (!geometry || !transform) return geometry;
  const p = (pos: number[]): number[] => [...transform(pos[0], pos[1]), ...pos.slice(2)];
  if ("x" in geometry) {
    const [x, y] = transform(geometry.x, geometry.y);
    return { ...geometry, x, y };
  }
  if ("points" in geometry) return { points: geometry.points.map(p) };
  if ("paths" in geometry) return { paths: geometry.paths.map((path) => path.map(p)) };
  return { rings: geometry.rings.map((ring) => ring.map(p)) };
}

/** The transform from a layer's wkid to an output wkid (null when none is needed or known). */
export function outputTransform(layer: SampleLayer, outWkid: number | undefined): Transform | null {
  if (outWkid === undefined) return null;
  const to = canonicalWkid(outWkid);
  const from = canonicalWkid(layer.wkid);
  return to && from ? transformBetween(from, to) : null;
}

/** A feature as replica data writes it. */
export function featureJson(feature: SampleFeature, layer: SampleLayer, transform: Transform | null): Record<string, unknown> {
  return {
    attributes: { ...feature.attributes },
    ...(layer.geometryType ? { geometry: projectGeometry(feature.geometry, transform) } : {}),
  };
}

/** Attachment infos of features, as replica data lists them. */
export function attachmentsJson(layer: SampleLayer, objectIds: Set<number>, options: AttachmentOptions): Record<string, unknown>[] {
  if (!options.returnAttachments || !layer.hasAttachments) return [];
  const gidField = layer.globalIdField;
  const parentGid = new Map<number, unknown>();
  if (gidField) {
    for (const f of layer.features) {
      const oid = f.attributes[layer.objectIdField];
      if (typeof oid === "number" && objectIds.has(oid)) parentGid.set(oid, f.attributes[gidField]);
    }
  }
  return (layer.attachments ?? [])
    .filter((a) => objectIds.has(a.parentObjectId))
    .map((a) => ({
      id: a.id,
      globalId: a.globalId,
      parentGlobalId: parentGid.get(a.parentObjectId) ?? null,
      parentObjectId: a.parentObjectId,
      name: a.name,
      contentType: a.contentType,
      size: a.data.byteLength,
      ...(options.byUrl
        ? { url: `${options.serviceUrl}/${layer.id}/${a.parentObjectId}/attachments/${a.id}` }
        : { data: Buffer.from(a.data).toString("base64") }),
    }));
}

/** One layer of createReplica data: its selected features and their attachments. */
export function replicaLayerJson(
  layer: SampleLayer,
  objectIds: number[],
  options: AttachmentOptions & { outWkid?: number },
): Record<string, unknown> {
  const wanted = new Set(objectIds);
  const transform = outputTransform(layer, options.outWkid);
  const features = layer.features.filter((f) => wanted.has(f.attributes[layer.objectIdField] as number));
  return {
    id: layer.id,
    features: features.map((f) => featureJson(f, layer, transform)),
    ...(options.returnAttachments && layer.hasAttachments ? { attachments: attachmentsJson(layer, wanted, options) } : {}),
  };
}

/** The JSON of `replicas/<id>`. */
export function replicaInfoJson(replica: ReplicaRecord, service: SampleService): Record<string, unknown> {
  return {
    replicaName: replica.replicaName,
    replicaID: replica.replicaID,
    replicaOwner: replica.replicaOwner,
    syncModel: replica.syncModel,
    replicaServerGen: replica.replicaServerGen,
    ...(replica.syncModel === "perLayer"
      ? { layerServerGens: replica.layers.map((id) => ({ id, serverGen: replica.replicaServerGen, serverSibGen: 0 })) }
      : {}),
    creationDate: replica.creationDate,
    lastSyncDate: replica.lastSyncDate,
    returnAttachments: replica.returnAttachments,
    attachmentsSyncDirection: replica.attachmentsSyncDirection,
    spatialRel: replica.spatialRel,
    targetType: replica.targetType,
    syncDirection: replica.syncDirection,
    layers: replica.layers,
    ...(replica.geometry ? { geometry: replica.geometry, geometryType: replica.geometryType } : {}),
    ...(replica.layerQueries ? { layerQueries: replica.layerQueries } : {}),
    serviceName: service.name,
  };
}

/**
 * The `edits` of a synchronizeReplica download: per layer, features added and updated and the
 * GlobalIDs of features deleted after generation `sinceGen`, leaving out `exclude` (the
 * client's own uploaded changes).
 */
export function syncEditsJson(
  state: EditState,
  layers: SampleLayer[],
  sinceGen: number,
  exclude: Set<string>,
  options: AttachmentOptions,
): Record<string, unknown>[] {
  return layers.map((layer) => {
    const changes = changesSince(state, layer, sinceGen).filter((c) => !exclude.has(`${layer.id}:${c.objectId}`));
    const current = new Map<number, SampleFeature>();
    for (const f of layer.features) current.set(f.attributes[layer.objectIdField] as number, f);
    const adds: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    const deleteIds: string[] = [];
    for (const change of changes) {
      const feature = current.get(change.objectId);
      if (change.kind === "delete") {
        if (change.globalId) deleteIds.push(change.globalId);
      } else if (feature) {
        (change.kind === "add" ? adds : updates).push(featureJson(feature, layer, null));
      }
    }
    const changedIds = new Set(changes.filter((c) => c.kind === "add").map((c) => c.objectId));
    return {
      id: layer.id,
      features: { adds, updates, deleteIds },
      ...(options.returnAttachments && layer.hasAttachments
        ? { attachments: { adds: attachmentsJson(layer, changedIds, options), updates: [], deleteIds: [] } }
        : {}),
    };
  });
}
