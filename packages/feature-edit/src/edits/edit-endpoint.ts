/**
 * Where an edit job's requests go. A layer's `applyEdits` is here; a service's is in
 * `service-endpoint.ts`, so that the layer operations do not load the service request shape.
 */
import { request } from "@arcrest/core";
import type { EditLayer } from "./edit-target.js";
import { groupByLayer, type EditUnit } from "./edit-unit.js";
import { parseLayerEditResults, type ServerEditResult, type ServerLayerResults } from "./parse-results.js";
import type { EditOptions } from "./types.js";

/** Each unit's result as the server reported it (undefined when the answer does not cover it). */
export type SentResults = Map<EditUnit, ServerEditResult | undefined>;

/** One layer's units by kind. */
export type KindGroups = { adds: EditUnit[]; updates: EditUnit[]; deletes: EditUnit[] };

/** An `applyEdits` endpoint: the layers it edits, and how to send one request of edits to it. */
export interface EditEndpoint {
  /** The layers edited, by id. */
  layers: ReadonlyMap<number, EditLayer>;
  /** Sends one request with the given units. */
  send(units: EditUnit[], useGlobalIds: boolean, options: EditOptions): Promise<SentResults>;
}

/** The parameters every applyEdits request has, and the call options of the request. */
export function editRequest(useGlobalIds: boolean, options: EditOptions) {
  const params: Record<string, string | boolean> = {
    f: "json",
    rollbackOnFailure: options.rollbackOnFailure ?? false,
    useGlobalIds,
    ...(options.gdbVersion ? { gdbVersion: options.gdbVersion } : {}),
  };
  const call = {
    kind: "write" as const,
    httpMethod: "POST" as const,
    ...(options.session ? { session: options.session } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
  };
  return { params, call };
}

/** The `deletes` parameter: a comma list of object ids, or a JSON list of GlobalIDs. */
function deletesParam(units: EditUnit[], byGlobalId: boolean): string | undefined {
  if (units.length === 0) return undefined;
  const ids = units.map((u) => u.payload as number | string);
  return byGlobalId ? JSON.stringify(ids) : ids.join(",");
}

/** One layer's `adds`, `updates` and `deletes` parameters (only those it has). */
export function layerPayload(units: KindGroups, byGlobalId: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (units.adds.length > 0) out.adds = JSON.stringify(units.adds.map((u) => u.payload));
  if (units.updates.length > 0) out.updates = JSON.stringify(units.updates.map((u) => u.payload));
  const deletes = deletesParam(units.deletes, byGlobalId);
  if (deletes !== undefined) out.deletes = deletes;
  return out;
}

/** Records one layer's results against its units, position by position. */
export function assignResults(out: SentResults, group: KindGroups, results: ServerLayerResults): void {
  group.adds.forEach((u, i) => out.set(u, results.addResults[i]));
  group.updates.forEach((u, i) => out.set(u, results.updateResults[i]));
  group.deletes.forEach((u, i) => out.set(u, results.deleteResults[i]));
}

/** A layer's `applyEdits`. */
export function layerEndpoint(layer: EditLayer): EditEndpoint {
  return {
    layers: new Map([[layer.id, layer]]),
    async send(units, useGlobalIds, options) {
      const group = groupByLayer(units).get(layer.id) ?? { adds: [], updates: [], deletes: [] };
      const { params, call } = editRequest(useGlobalIds, options);
      const body = await request(`${layer.url}/applyEdits`, { ...call, params: { ...params, ...layerPayload(group, useGlobalIds) } });
      const out: SentResults = new Map();
      assignResults(out, group, parseLayerEditResults(body));
      return out;
    },
  };
}
