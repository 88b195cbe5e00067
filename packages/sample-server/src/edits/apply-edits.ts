/**
 * The edit engine: applies adds, updates and deletes to layers with feature-service semantics
 * (per-edit results with error codes, `rollbackOnFailure` all or nothing, GlobalIDs).
 * Pure functions over the data model; the HTTP routes only parse parameters and format answers.
 */
import type { SampleLayer, SampleService } from "../data/types.js";
import { EditError, rolledBack, type EditErrorJson } from "./edit-error.js";
import { LayerTransaction, type CommittedChanges } from "./layer-transaction.js";

/** The edits of one layer, as parsed from a request (raw JSON values, checked by the engine). */
export interface LayerEdits {
  adds?: unknown[];
  updates?: unknown[];
  /** Object ids, or GlobalIDs with `useGlobalIds`. */
  deletes?: unknown[];
}

/** How edits are applied. */
export interface ApplyOptions {
  /** Apply nothing when any edit fails (feature services default to true). */
  rollbackOnFailure: boolean;
  /** Identify features by GlobalID; adds must bring their own GlobalIDs. */
  useGlobalIds: boolean;
  /** Epoch ms of the edit (defaults to now). */
  now?: number;
  /** Told about every committed layer change (change tracking for replicas). */
  onCommit?: (layer: SampleLayer, changes: CommittedChanges) => void;
}

/** One edit result as feature services write it. */
export interface EditResultJson {
  objectId: number | null;
  globalId?: string | null;
  success: boolean;
  error?: EditErrorJson;
}

/** Results of one layer's edits. */
export interface LayerEditResults {
  addResults: EditResultJson[];
  updateResults: EditResultJson[];
  deleteResults: EditResultJson[];
}

interface LayerRun {
  txn: LayerTransaction;
  results: LayerEditResults;
  failed: boolean;
}

function failure(layer: SampleLayer, objectId: number | null, globalId: string | null, error: unknown): EditResultJson {
  if (!(error instanceof EditError)) throw error;
  return {
    objectId,
    ...(layer.globalIdField ? { globalId } : {}),
    success: false,
    error: error.toJson(),
  };
}

function success(layer: SampleLayer, objectId: number, globalId: string | undefined): EditResultJson {
  return { objectId, ...(layer.globalIdField ? { globalId: globalId ?? null } : {}), success: true };
}

function suppliedGlobalId(layer: SampleLayer, raw: unknown): string | null {
  if (!layer.globalIdField || typeof raw !== "object" || raw === null) return null;
  const attributes = (raw as { attributes?: Record<string, unknown> }).attributes ?? {};
  const lower = layer.globalIdField.toLowerCase();
  const entry = Object.entries(attributes).find(([k]) => k.toLowerCase() === lower);
  return typeof entry?.[1] === "string" ? entry[1] : null;
}

/** Stages one layer's edits in order: adds, updates, deletes. */
function runLayer(layer: SampleLayer, edits: LayerEdits, options: ApplyOptions): LayerRun {
  const txn = new LayerTransaction(layer, options.useGlobalIds);
  const results: LayerEditResults = { addResults: [], updateResults: [], deleteResults: [] };
  let failed = false;
  for (const raw of edits.adds ?? []) {
    try {
      const key = txn.add(raw);
      results.addResults.push(success(layer, key.objectId, key.globalId));
    } catch (error) {
      failed = true;
      results.addResults.push(failure(layer, -1, options.useGlobalIds ? suppliedGlobalId(layer, raw) : null, error));
    }
  }
  for (const raw of edits.updates ?? []) {
    try {
      const key = txn.update(raw);
      results.updateResults.push(success(layer, key.objectId, key.globalId));
    } catch (error) {
      failed = true;
      const target = txn.updateTarget(raw);
      results.updateResults.push(failure(layer, target.objectId, target.globalId, error));
    }
  }
  for (const id of edits.deletes ?? []) {
    try {
      const key = txn.delete(id);
      results.deleteResults.push(success(layer, key.objectId, key.globalId));
    } catch (error) {
      failed = true;
      const byGlobalId = options.useGlobalIds && layer.globalIdField;
      results.deleteResults.push(
        failure(layer, byGlobalId ? null : typeof id === "number" ? id : Number(id), byGlobalId ? String(id) : null, error),
      );
    }
  }
  return { txn, results, failed };
}

/** Turns every successful result into a rolled-back one. */
function markRolledBack(results: LayerEditResults): void {
  for (const list of [results.addResults, results.updateResults, results.deleteResults]) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.success) {
        list[i] = {
          objectId: list === results.addResults ? -1 : r.objectId,
          ...("globalId" in r ? { globalId: r.globalId } : {}),
          success: false,
          error: rolledBack(),
        };
      }
    }
  }
}

function commitRuns(runs: LayerRun[], options: ApplyOptions): void {
  const now = options.now ?? Date.now();
  for (const run of runs) {
    const changed = !run.txn.isEmpty;
    const changes = run.txn.commit(now);
    if (changed) options.onCommit?.(run.txn.layer, changes);
  }
}

/**
 * Applies one layer's edits (`addFeatures`, `updateFeatures`, `deleteFeatures`, layer `applyEdits`).
 * With `rollbackOnFailure`, one failed edit leaves the layer untouched and every other edit
 * reports code 1003 "Operation rolled back."
 */
export function applyLayerEdits(layer: SampleLayer, edits: LayerEdits, options: ApplyOptions): LayerEditResults {
  const run = runLayer(layer, edits, options);
  if (run.failed && options.rollbackOnFailure) {
    markRolledBack(run.results);
    return run.results;
  }
  commitRuns([run], options);
  return run.results;
}

/** One layer's entry of a service-level `applyEdits`. */
export interface ServiceLayerEdits extends LayerEdits {
  id: number;
}

/** One layer's results of a service-level `applyEdits`. */
export interface ServiceLayerResults extends LayerEditResults {
  id: number;
}

/**
 * Applies edits across the layers of a service (service-level `applyEdits`); with
 * `rollbackOnFailure` a failure in any layer leaves every layer untouched.
 * Throws an {@link EditError} naming a layer id the service does not have.
 */
export function applyServiceEdits(
  service: SampleService,
  edits: ServiceLayerEdits[],
  options: ApplyOptions,
  findLayer: (id: number) => SampleLayer | undefined,
): ServiceLayerResults[] {
  const runs: { id: number; run: LayerRun }[] = [];
  for (const entry of edits) {
    const layer = findLayer(entry.id);
    if (!layer) throw new EditError(2001, `Layer not found: ${entry.id} is not a layer of ${service.name}.`);
    runs.push({ id: entry.id, run: runLayer(layer, entry, options) });
  }
  const failed = runs.some((r) => r.run.failed);
  if (failed && options.rollbackOnFailure) {
    for (const { run } of runs) markRolledBack(run.results);
  } else {
    commitRuns(
      runs.map((r) => r.run),
      options,
    );
  }
  return runs.map(({ id, run }) => ({ id, ...run.results }));
}
