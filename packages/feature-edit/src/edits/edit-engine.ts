/**
 * The edit engine: sends edits in chunks, maps every answer back to the input edits, and never
 * sends an edit twice blindly. When an answer is lost, it checks what the server applied
 * (`verify.ts`); only edits shown not to be applied are sent again, and adds carry GlobalIDs so
 * the check is exact and a duplicate is refused by the server.
 */
import type { CallOptions } from "@arcrest/core";
import type { EditEndpoint, SentResults } from "./edit-endpoint.js";
import type { EditLayer } from "./edit-target.js";
import type { EditUnit } from "./edit-unit.js";
import { EditsAbortedError } from "./edits-aborted-error.js";
import { canonicalGlobalId, newGlobalId } from "./global-id.js";
import { attributeOf, setAttribute, type WireFeature } from "./normalize-input.js";
import type { ServerEditResult } from "./parse-results.js";
import { classifyFailure } from "./request-outcome.js";
import type { ChunkReport, EditErrorInfo, EditKind, EditOptions, EditResult, EditStatus, EditSummary } from "./types.js";
import { verifyUnits, type LostAnswerChecks } from "./verify.js";

/** An edit job: where the edits go, the edits, and how to check them after a lost answer. */
export interface EditJob {
  endpoint: EditEndpoint;
  edits: readonly EngineEdit[];
  /** The checks of the kinds of edit in `edits` (an operation passes those it needs only). */
  checks: LostAnswerChecks;
  /** Chunk size when `options.batchSize` is not given. */
  defaultBatch: number;
}

/** An edit as given to the engine. */
export interface EngineEdit {
  kind: EditKind;
  layerId: number;
  index: number;
  payload: WireFeature | number | string;
}

interface Chunk {
  index: number;
  units: EditUnit[];
  useGlobalIds: boolean;
  report: ChunkReport;
}

const DEFAULT_MAX_ATTEMPTS = 3;
const ROLLED_BACK_CODES = new Set([1003, 1012, 2000]);

function newResult(edit: EngineEdit): EditResult {
  return {
    kind: edit.kind,
    index: edit.index,
    layerId: edit.layerId,
    chunk: -1,
    status: "not-applied",
    success: false,
    objectId: edit.kind === "add" ? undefined : typeof edit.payload === "number" ? edit.payload : undefined,
    globalId: undefined,
    error: { code: undefined, description: "Not sent." },
    verified: false,
  };
}

function settle(unit: EditUnit, status: EditStatus, fields: Partial<EditResult> = {}): void {
  const r = unit.result;
  r.status = status;
  r.success = status === "applied";
  if (fields.objectId !== undefined) r.objectId = fields.objectId;
  if (fields.globalId !== undefined) r.globalId = fields.globalId;
  r.error = status === "applied" ? undefined : (fields.error ?? r.error);
  if (fields.verified) r.verified = true;
}

/** Splits the edits into chunks; decides where GlobalIDs are sent. */
function planChunks(edits: readonly EngineEdit[], endpoint: EditEndpoint, options: EditOptions, batchSize: number): Chunk[] {
  const layers = endpoint.layers;
  const units: EditUnit[] = edits.map((edit) => ({ ...edit, globalId: undefined, byGlobalId: false, result: newResult(edit) }));
  const involved = [...new Set(units.map((u) => u.layerId))].map((id) => layers.get(id));
  const gidCapable = involved.every((l) => l?.supportsGlobalIds === true);
  const hasAdds = units.some((u) => u.kind === "add");
  const hasOthers = units.some((u) => u.kind !== "add");
  const auto = options.useGlobalIds === undefined;
  // A small mixed job asked to be atomic stays one request; otherwise adds go apart so they can carry GlobalIDs.
  const keepTogether = options.rollbackOnFailure === true && units.length <= batchSize;
  const groups =
    auto && gidCapable && hasAdds && hasOthers && !keepTogether ? [units.filter((u) => u.kind === "add"), units.filter((u) => u.kind !== "add")] : [units];
  const chunks: Chunk[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i += batchSize) {
      const slice = group.slice(i, i + batchSize);
      const useGlobalIds = options.useGlobalIds ?? (gidCapable && slice.every((u) => u.kind === "add"));
      const index = chunks.length;
      for (const unit of slice) {
        unit.result.chunk = index;
        unit.byGlobalId = useGlobalIds;
        if (useGlobalIds && unit.kind === "add") {
          const layer = layers.get(unit.layerId);
          const feature = unit.payload as WireFeature;
          if (layer?.globalIdField) {
            const given = canonicalGlobalId(attributeOf(feature.attributes, layer.globalIdField));
            unit.globalId = given ?? newGlobalId();
            const attributes = { ...feature.attributes };
            setAttribute(attributes, layer.globalIdField, unit.globalId);
            unit.payload = { ...feature, attributes };
          }
        }
      }
      chunks.push({
        index,
        units: slice,
        useGlobalIds,
        report: { index, layerIds: [...new Set(slice.map((u) => u.layerId))], size: slice.length, attempts: 0, lostResponse: false, statuses: {}, error: undefined },
      });
    }
  }
  return chunks;
}

function isRolledBack(error: ServerEditResult["error"]): boolean {
  return !!error && ((error.code !== undefined && ROLLED_BACK_CODES.has(error.code)) || /rolled back/i.test(error.description));
}

/** Runs one chunk to its end: sends, maps results, checks lost answers, resends what was not applied. */
async function runChunk(chunk: Chunk, job: EditJob, options: EditOptions, maxAttempts: number): Promise<"continue" | "stop"> {
  const { endpoint, checks } = job;
  const layers = endpoint.layers;
  let pending = chunk.units;
  // Edits resent after a lost answer: an "already exists" (adds) or "missing" (deletes) refusal means the first one landed.
  const resent = new Set<EditUnit>();
  while (pending.length > 0) {
    // Cancelled between requests: what was not sent stays "not-applied".
    options.signal?.throwIfAborted();
    chunk.report.attempts += 1;
    let results: SentResults;
    try {
      results = await endpoint.send(pending, chunk.useGlobalIds, options);
    } catch (thrown) {
      if (options.signal?.aborted) {
        for (const u of pending) settle(u, "unknown", { error: { code: undefined, description: "Cancelled while the request was in flight." } });
        throw thrown;
      }
      const outcome = classifyFailure(thrown);
      chunk.report.error = outcome.error;
      if (outcome.kind !== "lost") {
        for (const u of pending) settle(u, "not-applied", { error: outcome.error });
        return outcome.kind === "auth" ? "stop" : "continue";
      }
      chunk.report.lostResponse = true;
      pending = await afterLostAnswer(pending, layers, checks, options, outcome.error, chunk.report.attempts < maxAttempts);
      for (const u of pending) resent.add(u);
      continue;
    }
    const anyFailed = [...results.values()].some((r) => r && !r.success);
    const toCheck: EditUnit[] = [];
    for (const unit of pending) {
      const r = results.get(unit);
      if (!r) {
        toCheck.push(unit);
        continue;
      }
      const globalId = r.globalId ?? unit.globalId;
      if (r.success) {
        if (options.rollbackOnFailure && anyFailed) {
          settle(unit, "rolled-back", { error: { code: 1003, description: "Operation rolled back: another edit of the same request failed." } });
        } else {
          settle(unit, "applied", { objectId: r.objectId, globalId });
        }
      } else if (resent.has(unit) && ((unit.kind === "add" && r.error?.code === 1022) || (unit.kind === "delete" && r.error?.code === 1011))) {
        toCheck.push(unit);
      } else {
        settle(unit, isRolledBack(r.error) ? "rolled-back" : "failed", { error: r.error as EditErrorInfo, ...(unit.kind === "add" ? {} : { objectId: r.objectId, globalId }) });
      }
    }
    if (toCheck.length === 0) break;
    chunk.report.lostResponse = true;
    pending = await afterLostAnswer(toCheck, layers, checks, options, { code: undefined, description: "The answer did not cover this edit." }, chunk.report.attempts < maxAttempts);
    for (const u of pending) resent.add(u);
  }
  return "continue";
}

/** Checks edits whose outcome is unknown; returns those to send again (verified not applied). */
async function afterLostAnswer(
  units: EditUnit[],
  layers: ReadonlyMap<number, EditLayer>,
  checks: LostAnswerChecks,
  options: CallOptions,
  lost: EditErrorInfo,
  mayResend: boolean,
): Promise<EditUnit[]> {
  const verdicts = await verifyUnits(units, layers, checks, options);
  const again: EditUnit[] = [];
  for (const unit of units) {
    const verdict = verdicts.get(unit) ?? { unknown: "not checked" };
    if ("unknown" in verdict) {
      settle(unit, "unknown", { error: { code: lost.code, description: `The answer was lost (${lost.description}) and ${verdict.unknown}.` } });
    } else if (verdict.applied) {
      settle(unit, "applied", { objectId: verdict.objectId, globalId: verdict.globalId ?? unit.globalId, verified: true });
    } else if (mayResend) {
      again.push(unit);
    } else {
      settle(unit, "not-applied", { verified: true, error: { code: lost.code, description: `The answer was lost (${lost.description}); a check showed the edit was not applied.` } });
    }
  }
  return again;
}

function summarize(units: readonly EditUnit[], chunks: readonly Chunk[]): EditSummary {
  for (const chunk of chunks) {
    chunk.report.statuses = {};
    for (const u of chunk.units) chunk.report.statuses[u.result.status] = (chunk.report.statuses[u.result.status] ?? 0) + 1;
  }
  const results = units.map((u) => u.result);
  const applied = results.filter((r) => r.status === "applied").length;
  const unknown = results.filter((r) => r.status === "unknown").length;
  return {
    addResults: results.filter((r) => r.kind === "add"),
    updateResults: results.filter((r) => r.kind === "update"),
    deleteResults: results.filter((r) => r.kind === "delete"),
    chunks: chunks.map((c) => c.report),
    applied,
    unknown,
    notApplied: results.length - applied - unknown,
    ok: applied === results.length,
  };
}

/** Applies edits in chunks and returns one result per edit. */
export async function runEdits(job: EditJob, options: EditOptions): Promise<EditSummary> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? job.defaultBatch));
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const chunks = planChunks(job.edits, job.endpoint, options, batchSize);
  const units = chunks.flatMap((c) => c.units);
  let done = 0;
  for (const chunk of chunks) {
    try {
      const next = await runChunk(chunk, job, options, maxAttempts);
      done += chunk.units.length;
      options.onProgress?.({ done, total: units.length, message: `chunk ${chunk.index + 1} of ${chunks.length}` });
      if (next === "stop") {
        for (const later of chunks.slice(chunk.index + 1)) for (const u of later.units) settle(u, "not-applied", { error: chunk.report.error });
        break;
      }
    } catch (error) {
      if (options.signal?.aborted) throw new EditsAbortedError(summarize(units, chunks), error);
      throw error;
    }
  }
  return summarize(units, chunks);
}
