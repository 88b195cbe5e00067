/**
 * `createReplica` in JSON format: synchronous (embedded or through a result file), or
 * asynchronous with status polling, progress and cancellation.
 */
import { ArcGISRequestError, Geometry, request, ValidationError, type CallOptions } from "@arcrest/core";
import { parseReplica } from "./parse-replica.js";
import type { CreateReplicaOptions, Replica, ReplicaJobStatus } from "./replica-types.js";
import { unRegisterReplica } from "./replica-operations.js";

/** An asynchronous replica job ended in failure. */
export class ReplicaJobError extends ArcGISRequestError {
  override name = "ReplicaJobError";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function call(options: CallOptions): CallOptions {
  return { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function srParam(sr: number | { wkid?: number; wkt?: string } | undefined): string | number | undefined {
  if (sr === undefined) return undefined;
  return typeof sr === "number" ? sr : JSON.stringify(sr);
}

/** The request parameters of `createReplica`. */
export function createReplicaParams(options: CreateReplicaOptions): Record<string, string | number | boolean> {
  if (typeof options.replicaName !== "string" || options.replicaName.trim() === "") throw new ValidationError("replicaName", "is required");
  if (!Array.isArray(options.layers) || options.layers.length === 0 || options.layers.some((id) => !Number.isInteger(id))) {
    throw new ValidationError("layers", "must be a non-empty array of layer ids");
  }
  const params: Record<string, string | number | boolean> = {
    replicaName: options.replicaName,
    layers: options.layers.join(","),
    dataFormat: "json",
    returnAttachments: options.returnAttachments ?? false,
    returnAttachmentsDataByUrl: options.returnAttachmentsDataByUrl ?? true,
    syncModel: options.syncModel ?? "none",
    transportType: options.transportType === "url" ? "esriTransportTypeUrl" : "esriTransportTypeEmbedded",
    async: options.async ?? false,
  };
  if (options.geometry !== undefined) {
    const inSR = options.inSR === undefined ? undefined : typeof options.inSR === "number" ? options.inSR : options.inSR;
    const geometry = Geometry.from(options.geometry, inSR !== undefined ? { spatialReference: inSR } : undefined);
    const q = geometry.toQueryParams();
    params.geometry = q.geometry;
    params.geometryType = options.geometryType ?? q.geometryType;
    const sr = q.inSR ?? srParam(options.inSR);
    if (sr !== undefined) params.inSR = sr;
  }
  if (options.layerQueries) params.layerQueries = JSON.stringify(options.layerQueries);
  const replicaSR = srParam(options.replicaSR);
  if (replicaSR !== undefined) params.replicaSR = replicaSR;
  if (options.syncDirection) params.syncDirection = options.syncDirection;
  if (options.attachmentsSyncDirection) params.attachmentsSyncDirection = options.attachmentsSyncDirection;
  return params;
}

async function fetchResult(url: string, serviceUrl: string, options: CallOptions): Promise<Replica> {
  const body = await request(url, { ...call(options), kind: "read", params: { f: null } });
  return parseReplica(typeof body === "string" ? (JSON.parse(body) as unknown) : body, serviceUrl, url);
}

async function pollJob(statusUrl: string, serviceUrl: string, options: CreateReplicaOptions): Promise<Replica> {
  const started = Date.now();
  const interval = Math.max(0, options.pollInterval ?? 1000);
  let polls = 0;
  let replicaID: string | undefined;
  try {
    for (;;) {
      const status = await request<Record<string, unknown>>(statusUrl, { ...call(options), kind: "read" });
      polls += 1;
      const state = (typeof status.status === "string" ? status.status : "Pending") as ReplicaJobStatus;
      if (typeof status.replicaID === "string") replicaID = status.replicaID;
      options.onProgress?.({ done: polls, message: state, status: state });
      if (state === "Completed" || state === "CompletedWithErrors") {
        const resultUrl = typeof status.resultUrl === "string" ? status.resultUrl : undefined;
        if (!resultUrl) throw new ReplicaJobError({ message: `Replica job ${state} without a resultUrl`, response: status, url: statusUrl });
        return await fetchResult(resultUrl, serviceUrl, options);
      }
      if (state === "Failed") {
        const error = isRecord(status.error) ? status.error : {};
        const description = typeof error.description === "string" ? error.description : typeof error.message === "string" ? error.message : "";
        throw new ReplicaJobError({ message: `Replica job failed${description ? `: ${description}` : ""}`, response: status, url: statusUrl });
      }
      if (options.maxWait !== undefined && Date.now() - started >= options.maxWait) {
        throw new ReplicaJobError({ message: `Replica job still ${state} after ${options.maxWait} ms`, response: status, url: statusUrl });
      }
      await sleep(interval, options.signal);
    }
  } catch (error) {
    // Cancelled or given up: a sync-enabled replica the job registered is unregistered again.
    if (replicaID && (options.syncModel ?? "none") !== "none" && (options.signal?.aborted || error instanceof ReplicaJobError)) {
      await unRegisterReplica(serviceUrl, replicaID, options.session ? { session: options.session } : {}).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Creates a replica in JSON format and returns its data. With `async: true` the server runs it
 * as a job whose status is polled (progress through `onProgress`); the `signal` cancels the wait.
 *
 * @param serviceUrl - the FeatureServer URL
 */
export async function createReplica(serviceUrl: string, options: CreateReplicaOptions): Promise<Replica> {
  const url = serviceUrl.replace(/\/+$/, "");
  const params = createReplicaParams(options);
  const body = await request<Record<string, unknown>>(`${url}/createReplica`, { ...call(options), kind: "write", httpMethod: "POST", params });
  const statusUrl = body.statusUrl ?? body.statusURL;
  if (typeof statusUrl === "string") return pollJob(statusUrl, url, options);
  if (Array.isArray(body.layers)) return parseReplica(body, url, `${url}/createReplica`);
  const responseUrl = body.responseUrl ?? body.resultUrl;
  if (typeof responseUrl === "string") {
    const replica = await fetchResult(responseUrl, url, options);
    return {
      ...replica,
      replicaName: replica.replicaName || String(body.replicaName ?? ""),
      replicaID: replica.replicaID || String(body.replicaID ?? ""),
      replicaServerGen: replica.replicaServerGen ?? (typeof body.replicaServerGen === "number" ? body.replicaServerGen : undefined),
    };
  }
  throw new ArcGISRequestError({ message: "createReplica answered without data, a responseUrl or a statusUrl", response: body, url: `${url}/createReplica` });
}
