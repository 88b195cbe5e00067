/**
 * Server-side state of editing that the data model does not hold: the change log (server
 * generations, for replica synchronisation), service uploads, replicas and asynchronous jobs.
 * Kept per dataset in a WeakMap so the data model stays as it is.
 */
import type { SampleDataset, SampleLayer } from "../data/types.js";
import type { CommittedChanges } from "./layer-transaction.js";

/** One logged change of a feature. */
export interface ChangeEntry {
  /** Server generation at which the change happened. */
  gen: number;
  kind: "add" | "update" | "delete";
  objectId: number;
  globalId: string | undefined;
}

/** A registered upload item of a service. */
export interface UploadItem {
  itemID: string;
  itemName: string;
  description: string | null;
  date: number;
  committed: boolean;
  /** Service (full name) the item belongs to. */
  service: string;
  /** Parts by part number. */
  parts: Map<number, Uint8Array>;
  /** The whole file once committed. */
  data?: Uint8Array;
}

/** A registered replica. */
export interface ReplicaRecord {
  replicaID: string;
  replicaName: string;
  replicaOwner: string;
  /** Service (full name) the replica belongs to. */
  service: string;
  layers: number[];
  layerQueries: Record<string, unknown> | undefined;
  geometry: unknown;
  geometryType: string | undefined;
  inSR: unknown;
  syncModel: string;
  syncDirection: string;
  returnAttachments: boolean;
  attachmentsSyncDirection: string;
  spatialRel: string;
  targetType: string;
  creationDate: number;
  lastSyncDate: number;
  /** Server generation the replica has seen. */
  replicaServerGen: number;
}

/** An asynchronous replica job (createReplica or synchronizeReplica with async=true). */
export interface ReplicaJob {
  id: string;
  service: string;
  replicaName: string;
  replicaID: string | undefined;
  submissionTime: number;
  lastUpdatedTime: number;
  status: "Pending" | "InProgress" | "ExportingData" | "Completed" | "Failed";
  /** Status polls so far; the job advances one step per poll. */
  polls: number;
  /** Polls needed before the job completes. */
  pollsToComplete: number;
  /** Produces the result file when the job completes. */
  run: () => { data: Uint8Array; contentType: string; replicaID?: string } | { error: string };
  /** Does the job's work (once) before `run` is asked for the result. */
  prepare?: () => Promise<void>;
  resultUrl?: string;
  error?: string;
  responseType: string;
}

/** Editing state of one dataset. */
export interface EditState {
  /** The latest server generation (bumped on every committed edit). */
  serverGen: number;
  changeLog: WeakMap<SampleLayer, ChangeEntry[]>;
  uploads: Map<string, UploadItem>;
  replicas: Map<string, ReplicaRecord>;
  jobs: Map<string, ReplicaJob>;
}

const states = new WeakMap<SampleDataset, EditState>();

/** The editing state of a dataset (created on first use). */
export function editStateOf(dataset: SampleDataset): EditState {
  let state = states.get(dataset);
  if (!state) {
    state = { serverGen: 1, changeLog: new WeakMap(), uploads: new Map(), replicas: new Map(), jobs: new Map() };
    states.set(dataset, state);
  }
  return state;
}

/** Records a committed change of a layer under a new server generation. */
export function logChanges(state: EditState, layer: SampleLayer, changes: CommittedChanges): void {
  state.serverGen += 1;
  const gen = state.serverGen;
  let log = state.changeLog.get(layer);
  if (!log) {
    log = [];
    state.changeLog.set(layer, log);
  }
  for (const c of changes.adds) log.push({ gen, kind: "add", ...c });
  for (const c of changes.updates) log.push({ gen, kind: "update", ...c });
  for (const c of changes.deletes) log.push({ gen, kind: "delete", ...c });
}

/** The changes of a layer after a generation (exclusive), latest state per feature. */
export function changesSince(state: EditState, layer: SampleLayer, gen: number): ChangeEntry[] {
  const log = state.changeLog.get(layer) ?? [];
  const latest = new Map<number, ChangeEntry>();
  for (const entry of log) {
    if (entry.gen <= gen) continue;
    const previous = latest.get(entry.objectId);
    // An add followed by updates stays an add; anything followed by a delete is a delete.
    if (previous?.kind === "add" && entry.kind === "update") continue;
    if (previous?.kind === "add" && entry.kind === "delete") {
      latest.delete(entry.objectId);
      continue;
    }
    latest.set(entry.objectId, entry);
  }
  return [...latest.values()];
}
