/** Replica resources and operations of a feature service: list, info, synchronize, unregister. */
import { ArcGISRequestError, request, ValidationError, type CallOptions } from "@arcrest/core";
import { canonicalGlobalId, newGlobalId } from "../edits/global-id.js";
import { attributeOf, featureList, setAttribute, toWireFeature, type WireFeature } from "../edits/normalize-input.js";
import { parseServiceEditResults, type ServerServiceLayerResults } from "../edits/parse-results.js";
import type { FeaturesInput } from "../edits/types.js";

/** A replica as `replicas` lists it. */
export interface ReplicaEntry {
  replicaName: string;
  replicaID: string;
}

/** The replica info resource (`replicas/<id>`). */
export interface ReplicaInfo {
  replicaName: string;
  replicaID: string;
  replicaOwner?: string;
  syncModel?: string;
  replicaServerGen?: number;
  layerServerGens?: { id: number; serverGen: number; serverSibGen?: number }[];
  creationDate?: number;
  lastSyncDate?: number;
  syncDirection?: string;
  returnAttachments?: boolean;
  [key: string]: unknown;
}

function call(options: CallOptions): CallOptions {
  return { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
}

function base(serviceUrl: string): string {
  return serviceUrl.replace(/\/+$/, "");
}

/** The replicas registered with a service. */
export async function listReplicas(serviceUrl: string, options: CallOptions = {}): Promise<ReplicaEntry[]> {
  const body = await request<unknown>(`${base(serviceUrl)}/replicas`, { ...call(options), kind: "read" });
  if (!Array.isArray(body)) throw new ArcGISRequestError({ message: "replicas did not answer with a list", response: body, url: `${base(serviceUrl)}/replicas` });
  return body.map((r: { replicaName?: unknown; replicaID?: unknown }) => ({ replicaName: String(r.replicaName ?? ""), replicaID: String(r.replicaID ?? "") }));
}

/** The info of one replica. */
export async function replicaInfo(serviceUrl: string, replicaID: string, options: CallOptions = {}): Promise<ReplicaInfo> {
  if (!replicaID) throw new ValidationError("replicaID", "is required");
  return request<ReplicaInfo>(`${base(serviceUrl)}/replicas/${encodeURIComponent(replicaID)}`, { ...call(options), kind: "read" });
}

/** Unregisters a replica (`*` for all of the service's replicas). */
export async function unRegisterReplica(serviceUrl: string, replicaID: string, options: CallOptions = {}): Promise<boolean> {
  if (!replicaID) throw new ValidationError("replicaID", "is required");
  const body = await request<{ success?: boolean }>(`${base(serviceUrl)}/unRegisterReplica`, { ...call(options), kind: "write", httpMethod: "POST", params: { replicaID } });
  return body.success === true;
}

/** Edits of one layer uploaded by `synchronizeReplica`: features carry GlobalIDs, deletes are GlobalIDs. */
export interface ReplicaLayerEdits {
  id: number;
  adds?: FeaturesInput;
  updates?: FeaturesInput;
  deleteIds?: readonly string[];
}

/** Options of {@link synchronizeReplica}. */
export interface SynchronizeReplicaOptions extends CallOptions {
  /** Generation the client last saw; default the replica's on the server. */
  replicaServerGen?: number;
  syncDirection?: "bidirectional" | "upload" | "download" | "snapshot";
  /** Local edits to upload. */
  edits?: readonly ReplicaLayerEdits[];
  /** GlobalID field per layer id, to give adds without one a GlobalID; default `GlobalID`. */
  globalIdFields?: Record<number, string>;
  rollbackOnFailure?: boolean;
  closeReplica?: boolean;
  /** Data in the answer (default) or in a file at `responseUrl`. */
  transportType?: "embedded" | "url";
}

/** Changes of one layer downloaded by `synchronizeReplica`. */
export interface ReplicaLayerChanges {
  id: number;
  adds: WireFeature[];
  updates: WireFeature[];
  /** GlobalIDs of deleted features. */
  deleteIds: string[];
}

/** The outcome of `synchronizeReplica`. */
export interface SynchronizeResult {
  replicaID: string;
  /** The generation to pass to the next synchronisation. */
  replicaServerGen: number | undefined;
  /** Server changes since the generation given (download directions). */
  changes: ReplicaLayerChanges[];
  /** Results of the uploaded edits, when the server reports them. */
  editResults: ServerServiceLayerResults[] | undefined;
  raw: Record<string, unknown>;
}

function uploadEdits(edits: readonly ReplicaLayerEdits[], gidFields: Record<number, string>): unknown[] {
  return edits.map((layer, i) => {
    const gidField = gidFields[layer.id] ?? "GlobalID";
    const adds = featureList(layer.adds, `edits[${i}].adds`).map((f, j) => {
      const wire = toWireFeature(f, `edits[${i}].adds[${j}]`);
      const attributes = { ...wire.attributes };
      setAttribute(attributes, gidField, canonicalGlobalId(attributeOf(attributes, gidField)) ?? newGlobalId());
      return { ...wire, attributes };
    });
    const updates = featureList(layer.updates, `edits[${i}].updates`).map((f, j) => toWireFeature(f, `edits[${i}].updates[${j}]`));
    return { id: layer.id, adds, updates, deleteIds: [...(layer.deleteIds ?? [])] };
  });
}

function parseChanges(value: unknown): ReplicaLayerChanges[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry: { id?: unknown; features?: { adds?: unknown; updates?: unknown; deleteIds?: unknown } }) => ({
    id: Number(entry.id),
    adds: Array.isArray(entry.features?.adds) ? (entry.features.adds as WireFeature[]) : [],
    updates: Array.isArray(entry.features?.updates) ? (entry.features.updates as WireFeature[]) : [],
    deleteIds: Array.isArray(entry.features?.deleteIds) ? (entry.features.deleteIds as unknown[]).map(String) : [],
  }));
}

/**
 * Synchronizes a replica: uploads local edits (by GlobalID) and downloads the server's changes
 * since `replicaServerGen`. A write: not retried; a lost answer throws.
 */
export async function synchronizeReplica(serviceUrl: string, replicaID: string, options: SynchronizeReplicaOptions = {}): Promise<SynchronizeResult> {
  if (!replicaID) throw new ValidationError("replicaID", "is required");
  const url = `${base(serviceUrl)}/synchronizeReplica`;
  const params: Record<string, string | number | boolean> = {
    replicaID,
    dataFormat: "json",
    transportType: options.transportType === "url" ? "esriTransportTypeUrl" : "esriTransportTypeEmbedded",
    syncDirection: options.syncDirection ?? "bidirectional",
    rollbackOnFailure: options.rollbackOnFailure ?? false,
    closeReplica: options.closeReplica ?? false,
    async: false,
  };
  if (options.replicaServerGen !== undefined) params.replicaServerGen = options.replicaServerGen;
  if (options.edits && options.edits.length > 0) params.edits = JSON.stringify(uploadEdits(options.edits, options.globalIdFields ?? {}));
  let body = await request<Record<string, unknown>>(url, { ...call(options), kind: "write", httpMethod: "POST", params });
  if (!Array.isArray(body.edits) && typeof body.responseUrl === "string") {
    const file = await request<Record<string, unknown>>(body.responseUrl, { ...call(options), kind: "read", params: { f: null } });
    body = { ...body, ...file };
  }
  return {
    replicaID: typeof body.replicaID === "string" ? body.replicaID : replicaID,
    replicaServerGen: typeof body.replicaServerGen === "number" ? body.replicaServerGen : undefined,
    changes: parseChanges(body.edits),
    editResults: Array.isArray(body.editResults) ? parseServiceEditResults(body.editResults) : undefined,
    raw: body,
  };
}
