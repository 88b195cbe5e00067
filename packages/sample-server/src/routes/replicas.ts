/**
 * FeatureServer replicas in JSON format: `createReplica` (synchronous, or asynchronous with a
 * status URL under `jobs/<id>`), `replicas`, `replicas/<id>`, `synchronizeReplica` and
 * `unRegisterReplica`. Results sent by URL are served from the output directory.
 */
import { randomUUID } from "node:crypto";
import { findLayer } from "../data/lookup.js";
import type { SampleLayer, SampleService } from "../data/types.js";
import {
  applyServiceEdits,
  EditError,
  editStateOf,
  logChanges,
  notSupportedReply,
  postOnlyReply,
  replicaInfoJson,
  replicaLayerJson,
  serviceAllows,
  syncEditsJson,
  unableReply,
  type EditState,
  type ReplicaJob,
  type ReplicaRecord,
  type ServiceLayerEdits,
} from "../edits/index.js";
import { errorReply, jsonReply, type Reply } from "../http/reply.js";
import { QueryError } from "../query/errors.js";
import { QueryParams } from "../query/params.js";
import { loadQueryEngine } from "./query-engine.js";
import type { ServiceRequest, ServiceRoute } from "./service-context.js";

/** Status polls an asynchronous job takes before it completes (Pending, InProgress, ExportingData). */
const POLLS_TO_COMPLETE = 3;

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

class ReplicaRequestError extends Error {
  override name = "ReplicaRequestError";
}

function parseLayerIds(params: QueryParams): number[] {
  const text = params.text("layers");
  if (!text) throw new ReplicaRequestError("'layers' is required.");
  const list = text.replace(/^\[|\]$/g, "").split(",").map((s) => s.trim()).filter(Boolean);
  const ids = list.map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id))) throw new ReplicaRequestError(`'layers' is invalid: ${text}`);
  return ids;
}

function layersOfReplica(service: SampleService, ids: number[]): SampleLayer[] {
  return ids.map((id) => {
    const layer = findLayer(service, String(id));
    if (!layer) throw new ReplicaRequestError(`Layer ${id} does not exist in this service.`);
    return layer;
  });
}

interface LayerQuery {
  where?: string;
  useGeometry?: boolean;
  queryOption?: "useFilter" | "all" | "none";
}

async function selectIds(layer: SampleLayer, raw: Record<string, string>, query: LayerQuery | undefined): Promise<number[]> {
  if (query?.queryOption === "none") return [];
  const engine = await loadQueryEngine();
  const useGeometry = query?.queryOption !== "all" && query?.useGeometry !== false && !!raw.geometry;
  const params: Record<string, string> = {
    where: query?.queryOption === "all" ? "1=1" : (query?.where ?? "1=1"),
    returnIdsOnly: "true",
    f: "json",
  };
  if (useGeometry) {
    params.geometry = raw.geometry;
    if (raw.geometryType) params.geometryType = raw.geometryType;
    if (raw.inSR) params.inSR = raw.inSR;
    params.spatialRel = raw.spatialRel ?? "esriSpatialRelIntersects";
  }
  const body = engine.executeQuery(layer, params).body as { objectIds?: number[] | null; error?: { details?: string[]; message?: string } };
  if (body.error) throw new ReplicaRequestError(body.error.details?.join(" ") || body.error.message || "Invalid query.");
  return body.objectIds ?? [];
}

/** Stores a JSON file in the output directory and returns its URL. */
function storeJson(req: ServiceRequest, prefix: string, value: unknown): string {
  const name = req.ctx.state.outputs.put(prefix, "json", {
    data: new TextEncoder().encode(JSON.stringify(value)),
    contentType: "application/json; charset=utf-8",
  });
  return `${req.ctx.state.baseUrl}/arcgis/rest/directories/arcgisoutput/${name}`;
}

function wantsEmbedded(params: QueryParams): boolean {
  const transport = params.text("transportType") ?? "esriTransportTypeUrl";
  if (!/^esriTransportType(Url|Embedded)$/i.test(transport)) throw new ReplicaRequestError(`'transportType' is invalid: ${transport}`);
  return transport.toLowerCase() === "esritransporttypeembedded";
}

function checkDataFormat(params: QueryParams): void {
  const format = params.text("dataFormat") ?? "json";
  if (format.toLowerCase() !== "json") throw new ReplicaRequestError(`dataFormat '${format}' is not supported by this server; use json.`);
}

function registeredReplica(state: EditState, service: SampleService, id: string | undefined): ReplicaRecord {
  const replica = id ? state.replicas.get(id.replace(/[{}]/g, "").toLowerCase()) : undefined;
  if (!replica || replica.service !== service.name) throw new ReplicaRequestError(`Replica with ID '${id ?? ""}' does not exist.`);
  return replica;
}

function startJob(state: EditState, req: ServiceRequest, job: Omit<ReplicaJob, "id" | "polls" | "pollsToComplete" | "status" | "submissionTime" | "lastUpdatedTime" | "service">): Reply {
  const id = `j${randomUUID().replace(/-/g, "")}`;
  const now = Date.now();
  state.jobs.set(id, { ...job, id, service: req.service.name, polls: 0, pollsToComplete: POLLS_TO_COMPLETE, status: "Pending", submissionTime: now, lastUpdatedTime: now });
  return jsonReply({ statusUrl: `${req.serviceUrl}/jobs/${id}` }, req.ctx.params);
}

async function createReplica(req: ServiceRequest): Promise<Reply> {
  const { ctx, service } = req;
  const params = new QueryParams(ctx.params);
  const state = editStateOf(ctx.state.dataset);
  const replicaName = params.text("replicaName");
  if (!replicaName) throw new ReplicaRequestError("'replicaName' is required.");
  checkDataFormat(params);
  const syncModel = params.text("syncModel") ?? "none";
  if (!["none", "perLayer", "perReplica"].includes(syncModel)) throw new ReplicaRequestError(`'syncModel' is invalid: ${syncModel}`);
  if (syncModel === "none" ? !serviceAllows(service, "Sync") && !serviceAllows(service, "Extract") : !serviceAllows(service, "Sync")) {
    return notSupportedReply(ctx.params);
  }
  if (syncModel === "perReplica") throw new ReplicaRequestError("syncModel 'perReplica' is not supported by this service; use perLayer.");
  const layerIds = parseLayerIds(params);
  const layers = layersOfReplica(service, layerIds);
  const layerQueries = params.json("layerQueries") as Record<string, LayerQuery> | undefined;
  const embedded = wantsEmbedded(params);
  const returnAttachments = params.bool("returnAttachments", false);
  const byUrl = params.bool("returnAttachmentsDataByUrl", true);
  const outWkid = params.text("replicaSR") ? Number((params.json("replicaSR") as { wkid?: number } | number | undefined) ?? NaN) : undefined;
  const raw = { ...ctx.params };
  const replicaID = `{${randomUUID().toUpperCase()}}`;

  // Builds the data and registers the replica (synchronously, or when an async job completes).
  const build = async (): Promise<Record<string, unknown>> => {
    const layerJson: Record<string, unknown>[] = [];
    for (const layer of layers) {
      const ids = await selectIds(layer, raw, layerQueries?.[String(layer.id)]);
      layerJson.push(
        replicaLayerJson(layer, ids, {
          returnAttachments,
          byUrl,
          serviceUrl: req.serviceUrl,
          outWkid: Number.isFinite(outWkid) ? outWkid : undefined,
        }),
      );
    }
    const registered = syncModel !== "none";
    if (registered) {
      const now = Date.now();
      state.replicas.set(replicaID.replace(/[{}]/g, "").toLowerCase(), {
        replicaID,
        replicaName,
        replicaOwner: "",
        service: service.name,
        layers: layerIds,
        layerQueries,
        geometry: raw.geometry ? parseMaybeJson(raw.geometry) : undefined,
        geometryType: raw.geometryType,
        inSR: raw.inSR,
        syncModel,
        syncDirection: params.text("syncDirection") ?? "bidirectional",
        returnAttachments,
        attachmentsSyncDirection: params.text("attachmentsSyncDirection") ?? (returnAttachments ? "bidirectional" : "none"),
        spatialRel: raw.spatialRel ?? "esriSpatialRelIntersects",
        targetType: params.text("targetType") ?? "client",
        creationDate: now,
        lastSyncDate: now,
        replicaServerGen: state.serverGen,
      });
    }
    return { replicaName, replicaID, ...(registered ? { replicaServerGen: state.serverGen } : {}), layers: layerJson };
  };

  if (params.bool("async", false)) {
    let result: Record<string, unknown> | undefined;
    // The job's data is built on the poll that completes it; the promise lets a poll wait for it.
    let pending: Promise<void> | undefined;
    const job = {
      replicaName,
      replicaID: undefined as string | undefined,
      responseType: "esriReplicaResponseTypeData",
      run: () => {
        if (!result) return { error: "The replica data is not ready." };
        return { data: new TextEncoder().encode(JSON.stringify(result)), contentType: "application/json; charset=utf-8", replicaID };
      },
      prepare: () => {
        pending ??= build().then((r) => {
          result = r;
        });
        return pending;
      },
    };
    return startJob(state, req, job);
  }
  const data = await build();
  if (embedded) return jsonReply({ transportType: "esriTransportTypeEmbedded", responseType: "esriReplicaResponseTypeData", ...data }, ctx.params);
  const responseUrl = storeJson(req, "replica", data);
  const { layers: _layers, ...summary } = data;
  return jsonReply({ transportType: "esriTransportTypeUrl", responseType: "esriReplicaResponseTypeData", ...summary, responseUrl }, ctx.params);
}

async function jobStatus(req: ServiceRequest, id: string): Promise<Reply> {
  const state = editStateOf(req.ctx.state.dataset);
  const job = state.jobs.get(id);
  if (!job || job.service !== req.service.name) return errorReply(404, "Job not found.", [], req.ctx.params);
  if (job.status !== "Completed" && job.status !== "Failed") {
    job.polls += 1;
    job.lastUpdatedTime = Date.now();
    const steps: ReplicaJob["status"][] = ["Pending", "InProgress", "ExportingData"];
    if (job.polls >= job.pollsToComplete) {
      try {
        await job.prepare?.();
        const outcome = job.run();
        if ("error" in outcome) {
          job.status = "Failed";
          job.error = outcome.error;
        } else {
          const name = req.ctx.state.outputs.put("replica", "json", { data: outcome.data, contentType: outcome.contentType });
          job.resultUrl = `${req.ctx.state.baseUrl}/arcgis/rest/directories/arcgisoutput/${name}`;
          job.replicaID = outcome.replicaID ?? job.replicaID;
          job.status = "Completed";
        }
      } catch (error) {
        job.status = "Failed";
        job.error = error instanceof Error ? error.message : String(error);
      }
    } else {
      job.status = steps[Math.min(job.polls, steps.length - 1)];
    }
  }
  return jsonReply(
    {
      transportType: "esriTransportTypeURL",
      responseType: job.responseType,
      replicaName: job.replicaName,
      ...(job.replicaID ? { replicaID: job.replicaID } : {}),
      ...(job.resultUrl ? { resultUrl: job.resultUrl } : {}),
      submissionTime: job.submissionTime,
      lastUpdatedTime: job.lastUpdatedTime,
      status: job.status,
      ...(job.error ? { error: { code: 500, description: job.error } } : {}),
    },
    req.ctx.params,
  );
}

function synchronizeReplica(req: ServiceRequest): Reply {
  const { ctx, service } = req;
  const params = new QueryParams(ctx.params);
  const state = editStateOf(ctx.state.dataset);
  checkDataFormat(params);
  const replica = registeredReplica(state, service, params.text("replicaID"));
  const direction = params.text("syncDirection") ?? replica.syncDirection ?? "bidirectional";
  if (!["bidirectional", "upload", "download", "snapshot"].includes(direction)) {
    throw new ReplicaRequestError(`'syncDirection' is invalid: ${direction}`);
  }
  const sinceGen = params.int("replicaServerGen") ?? replica.replicaServerGen;
  const embedded = wantsEmbedded(params);
  const uploaded = new Set<string>();
  let editResults: unknown;
  const editsValue = params.json("edits");
  if (editsValue !== undefined && (direction === "bidirectional" || direction === "upload")) {
    if (!Array.isArray(editsValue)) throw new ReplicaRequestError("'edits' must be a JSON array.");
    const edits: ServiceLayerEdits[] = editsValue.map((entry: unknown) => {
      const e = entry as { id?: unknown; adds?: unknown; updates?: unknown; deleteIds?: unknown; deletes?: unknown };
      if (typeof e?.id !== "number" || !replica.layers.includes(e.id)) {
        throw new ReplicaRequestError(`Every entry of 'edits' needs the id of a replica layer.`);
      }
      const list = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
      return { id: e.id, adds: list(e.adds), updates: list(e.updates), deletes: list(e.deleteIds) ?? list(e.deletes) };
    });
    editResults = applyServiceEdits(
      service,
      edits,
      {
        rollbackOnFailure: params.bool("rollbackOnFailure", false),
        useGlobalIds: true,
        onCommit: (layer, changes) => {
          logChanges(state, layer, changes);
          for (const list of [changes.adds, changes.updates, changes.deletes]) for (const c of list) uploaded.add(`${layer.id}:${c.objectId}`);
        },
      },
      (id) => findLayer(service, String(id)),
    );
  }
  const download = direction !== "upload";
  const layers = layersOfReplica(service, replica.layers);
  const edits = download
    ? syncEditsJson(state, layers, direction === "snapshot" ? 0 : sinceGen, uploaded, {
        returnAttachments: replica.returnAttachments,
        byUrl: params.bool("returnAttachmentsDatabyURL", true),
        serviceUrl: req.serviceUrl,
      })
    : undefined;
  replica.replicaServerGen = state.serverGen;
  replica.lastSyncDate = Date.now();
  if (params.bool("closeReplica", false)) state.replicas.delete(replica.replicaID.replace(/[{}]/g, "").toLowerCase());
  const summary = {
    replicaName: replica.replicaName,
    replicaID: replica.replicaID,
    replicaServerGen: replica.replicaServerGen,
    ...(editResults ? { editResults } : {}),
  };
  if (embedded || !edits) {
    return jsonReply({ transportType: "esriTransportTypeEmbedded", responseType: "esriReplicaResponseTypeEdits", ...summary, ...(edits ? { edits } : {}) }, ctx.params);
  }
  const responseUrl = storeJson(req, "sync", { ...summary, edits });
  return jsonReply({ transportType: "esriTransportTypeUrl", responseType: "esriReplicaResponseTypeEdits", ...summary, responseUrl }, ctx.params);
}

function unRegisterReplica(req: ServiceRequest): Reply {
  const { ctx, service } = req;
  const params = new QueryParams(ctx.params);
  const state = editStateOf(ctx.state.dataset);
  const id = params.text("replicaID");
  if (id === "*") {
    for (const [key, replica] of state.replicas) if (replica.service === service.name) state.replicas.delete(key);
    return jsonReply({ success: true }, ctx.params);
  }
  const replica = registeredReplica(state, service, id);
  state.replicas.delete(replica.replicaID.replace(/[{}]/g, "").toLowerCase());
  return jsonReply({ success: true }, ctx.params);
}

/** Replica operations and resources of FeatureServer services. */
export const replicasRoute: ServiceRoute = async (req) => {
  const { ctx, service, serviceType, rest } = req;
  if (serviceType !== "FeatureServer" || rest.length === 0) return undefined;
  const head = rest[0].toLowerCase();
  const postOnly = new Set(["createreplica", "synchronizereplica", "unregisterreplica"]);
  if (!postOnly.has(head) && head !== "replicas" && head !== "jobs") return undefined;
  if (postOnly.has(head) && rest.length !== 1) return undefined;
  if (postOnly.has(head) && ctx.method !== "POST") return postOnlyReply(ctx.params);
  if (head !== "createreplica" && !serviceAllows(service, "Sync")) return notSupportedReply(ctx.params);
  try {
    switch (head) {
      case "createreplica":
        return await createReplica(req);
      case "synchronizereplica":
        return synchronizeReplica(req);
      case "unregisterreplica":
        return unRegisterReplica(req);
      case "jobs":
        return rest.length === 2 ? await jobStatus(req, rest[1]) : undefined;
      default: {
        const state = editStateOf(ctx.state.dataset);
        if (rest.length === 1) {
          const list = [...state.replicas.values()].filter((r) => r.service === service.name);
          return jsonReply(list.map((r) => ({ replicaName: r.replicaName, replicaID: r.replicaID })), ctx.params);
        }
        if (rest.length !== 2) return undefined;
        return jsonReply(replicaInfoJson(registeredReplica(state, service, rest[1]), service), ctx.params);
      }
    }
  } catch (error) {
    if (error instanceof ReplicaRequestError) return unableReply([error.message], ctx.params);
    if (error instanceof QueryError) return jsonReply(error.toBody(), ctx.params);
    if (error instanceof EditError) return unableReply([error.description], ctx.params);
    throw error;
  }
};
