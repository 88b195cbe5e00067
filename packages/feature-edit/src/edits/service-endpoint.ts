import { request } from "@arcrest/core";
import { assignResults, editRequest, layerPayload, type EditEndpoint, type SentResults } from "./edit-endpoint.js";
import type { EditLayer } from "./edit-target.js";
import { groupByLayer } from "./edit-unit.js";
import { parseServiceEditResults } from "./parse-results.js";

/** A feature service's `applyEdits`: one request edits several layers (`edits` lists them). */
export function serviceEndpoint(url: string, layers: ReadonlyMap<number, EditLayer>): EditEndpoint {
  return {
    layers,
    async send(units, useGlobalIds, options) {
      const groups = groupByLayer(units);
      const edits = [...groups].map(([id, group]) => {
        const payload = layerPayload(group, useGlobalIds);
        return {
          id,
          ...(payload.adds ? { adds: group.adds.map((u) => u.payload) } : {}),
          ...(payload.updates ? { updates: group.updates.map((u) => u.payload) } : {}),
          ...(payload.deletes ? { deletes: group.deletes.map((u) => u.payload) } : {}),
        };
      });
      const { params, call } = editRequest(useGlobalIds, options);
      const body = await request(`${url}/applyEdits`, { ...call, params: { ...params, edits: JSON.stringify(edits) } });
      const byLayer = new Map(parseServiceEditResults(body).map((r) => [r.id, r]));
      const out: SentResults = new Map();
      for (const [id, group] of groups) {
        const results = byLayer.get(id);
        // A layer missing from the answer: its edits are checked like a lost answer.
        if (results) assignResults(out, group, results);
        else for (const u of [...group.adds, ...group.updates, ...group.deletes]) out.set(u, undefined);
      }
      return out;
    },
  };
}
