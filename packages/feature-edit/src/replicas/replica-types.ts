import type { EsriFeature, Progress, CallOptions, GeometryInput, GeometryType, SpatialReference } from "@arcrest/core";

/** An attachment listed in replica data. */
export interface ReplicaAttachment {
  id: number;
  globalId: string | undefined;
  /** GlobalID of the feature it belongs to. */
  parentGlobalId: string | undefined;
  /** Object id of the feature it belongs to, when the server says. */
  parentObjectId: number | undefined;
  name: string;
  contentType: string;
  size: number | undefined;
  /** Where to download it (`returnAttachmentsDataByUrl`). */
  url: string | undefined;
  /** Its bytes, base64, when embedded in the replica. */
  data: string | undefined;
}

/** One layer of replica data. */
export interface ReplicaLayer {
  id: number;
  features: EsriFeature<Record<string, unknown>>[];
  attachments: ReplicaAttachment[];
}

/** A replica in JSON format: its identity and data. */
export interface Replica {
  replicaName: string;
  replicaID: string;
  /** Server generation at creation, for later synchronisation (sync-enabled replicas). */
  replicaServerGen: number | undefined;
  /** The service it was created from. */
  serviceUrl: string;
  layers: ReplicaLayer[];
  /** The answer as received. */
  raw: Record<string, unknown>;
}

/** Status of an asynchronous replica job. */
export type ReplicaJobStatus =
  | "Pending"
  | "InProgress"
  | "Completed"
  | "CompletedWithErrors"
  | "Failed"
  | "ExportingData"
  | "ExportingSnapshot"
  | "ExportChanges"
  | "ImportChanges"
  | "ExportAttachments"
  | "ImportAttachments"
  | "ProvisioningReplica"
  | "UnRegisteringReplica"
  | (string & {});

/** Per-layer filter of `layerQueries`. */
export interface LayerQuery {
  where?: string;
  useGeometry?: boolean;
  includeRelated?: boolean;
  queryOption?: "useFilter" | "all" | "none";
}

/** Options of `createReplica`. */
export interface CreateReplicaOptions extends CallOptions {
  /** Name of the replica (unique per service). */
  replicaName: string;
  /** Layer and table ids to include. */
  layers: readonly number[];
  /** Per-layer filters. */
  layerQueries?: Record<number, LayerQuery>;
  /** Area of interest: anything `Geometry` accepts. */
  geometry?: GeometryInput;
  /** Overrides the type derived from `geometry`. */
  geometryType?: GeometryType;
  /** Spatial reference of `geometry` when it carries none. */
  inSR?: number | SpatialReference;
  /** Spatial reference of the replica's geometries. */
  replicaSR?: number | SpatialReference;
  /** Include attachment infos (and links); default false. */
  returnAttachments?: boolean;
  /** Link attachments by URL (default) instead of embedding their bytes. */
  returnAttachmentsDataByUrl?: boolean;
  /** `none` (a snapshot, default), `perLayer` or `perReplica` (registered for synchronisation). */
  syncModel?: "none" | "perLayer" | "perReplica";
  syncDirection?: "bidirectional" | "upload" | "download";
  attachmentsSyncDirection?: "bidirectional" | "upload" | "none";
  /** Data in the answer (`embedded`) or in a file at `responseUrl` (`url`, the server default). */
  transportType?: "embedded" | "url";
  /** Run as a server job, polling its status URL; default false. */
  async?: boolean;
  /** Milliseconds between status polls; default 1000. */
  pollInterval?: number;
  /** Give up waiting for an asynchronous job after this many ms (it is cancelled as far as possible). */
  maxWait?: number;
  /** Called on every status poll of an asynchronous job. */
  onProgress?: (progress: Progress & { status: ReplicaJobStatus }) => void;
}
