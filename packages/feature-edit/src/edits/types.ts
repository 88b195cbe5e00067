import type { CallOptions, FeatureGeometryLike, GeoJSONFeature, GeoJSONFeatureCollection, Progress } from "@arcrest/core";

/** An input feature in Esri JSON; attribute values may be `Date`s (sent as epoch milliseconds). */
export interface EsriFeatureInput {
  attributes?: Record<string, unknown>;
  geometry?: FeatureGeometryLike | null;
}

/** A feature to add or update: Esri JSON or a GeoJSON Feature (WGS84 unless its geometry says otherwise). */
export type FeatureInput = EsriFeatureInput | GeoJSONFeature;

/** A list of features, or a GeoJSON FeatureCollection. */
export type FeaturesInput = readonly FeatureInput[] | GeoJSONFeatureCollection;

/** What an edit does. */
export type EditKind = "add" | "update" | "delete";

/**
 * What became of one edit.
 * - `applied`: the server applied it (said so, or a follow-up query showed it after a lost answer).
 * - `failed`: the server refused this edit; `error` has its code and description.
 * - `rolled-back`: not applied because another edit of the same request failed (`rollbackOnFailure`).
 * - `not-applied`: the request failed as a whole and nothing of it was applied (or it was never sent).
 * - `unknown`: the answer was lost and the outcome could not be established (see `error`).
 */
export type EditStatus = "applied" | "failed" | "rolled-back" | "not-applied" | "unknown";

/** The server's error for one edit (or the request error that decided it). */
export interface EditErrorInfo {
  /** ArcGIS edit error code (e.g. 1000, 1001, 1003), or the request's error code. */
  code: number | undefined;
  /** The server's description. */
  description: string;
}

/** The outcome of one input edit. */
export interface EditResult {
  kind: EditKind;
  /** Position of the edit among the inputs of its kind (for service-level edits: within its layer). */
  index: number;
  /** The layer or table the edit is for. */
  layerId: number;
  /** Index of the chunk (request) the edit was sent in. */
  chunk: number;
  status: EditStatus;
  /** `status === "applied"`. */
  success: boolean;
  /** Object id of the added, updated or deleted feature, when known. */
  objectId: number | undefined;
  /** GlobalID, when the layer has them and it is known. */
  globalId: string | undefined;
  /** Why it was not applied (or why its outcome is unknown). */
  error: EditErrorInfo | undefined;
  /** True when the outcome was established by a follow-up query after the answer was lost. */
  verified: boolean;
}

/** What happened to one chunk (one applyEdits request, plus any resends of it). */
export interface ChunkReport {
  index: number;
  /** Layers the chunk edits. */
  layerIds: number[];
  /** Number of edits in the chunk. */
  size: number;
  /** Requests sent for it (more than 1 when part of it was verified as not applied and sent again). */
  attempts: number;
  /** Whether any answer of it was lost (timeout, cut connection, gateway error). */
  lostResponse: boolean;
  /** Edits per status. */
  statuses: Partial<Record<EditStatus, number>>;
  /** The request-level error of its last failed attempt, if any. */
  error: EditErrorInfo | undefined;
}

/** One summary for a whole edit job: a result per input edit, and per chunk. */
export interface EditSummary {
  addResults: EditResult[];
  updateResults: EditResult[];
  deleteResults: EditResult[];
  chunks: ChunkReport[];
  /** Number of edits applied. */
  applied: number;
  /** Number of edits not applied (failed, rolled back or not applied). */
  notApplied: number;
  /** Number of edits whose outcome is unknown. */
  unknown: number;
  /** Every edit was applied. */
  ok: boolean;
}

/** Options of every edit call. */
export interface EditOptions extends CallOptions {
  /**
   * Ask the server to apply each request all or nothing. A chunk with a failed edit is then
   * reported as wholly not applied. Default false.
   */
  rollbackOnFailure?: boolean;
  /**
   * Identify features by GlobalID (adds then carry their own GlobalIDs; missing ones are
   * generated). Default: automatic — arcrest sends generated GlobalIDs with adds when the layer
   * supports it, so adds whose answer is lost can be checked and are never sent twice.
   */
  useGlobalIds?: boolean;
  /** Geodatabase version to edit. */
  gdbVersion?: string;
  /** Edits per request; default the layer's `maxRecordCount` capped at 1000. */
  batchSize?: number;
  /** Requests sent for one chunk at most (resends only of edits verified as not applied). Default 3. */
  maxAttempts?: number;
  /** Called after every chunk with the number of edits decided so far. */
  onProgress?: (progress: Progress) => void;
  /** Per-request timeout in ms. */
  timeout?: number;
}

/** The edits of one layer. */
export interface LayerEditsInput {
  adds?: FeaturesInput;
  updates?: FeaturesInput;
  /** Object ids (or GlobalIDs with `useGlobalIds`). */
  deletes?: readonly (number | string)[];
}

/** The edits of one layer in a service-level applyEdits. */
export interface ServiceLayerEditsInput extends LayerEditsInput {
  /** Layer or table id. */
  id: number;
}
