import { ArcGISRequestError, type EsriFeature } from "@arcrest/core";
import type { Replica, ReplicaAttachment, ReplicaLayer } from "./replica-types.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function parseAttachment(value: unknown, url: string): ReplicaAttachment {
  if (!isRecord(value) || typeof value.id !== "number") throw new ArcGISRequestError({ message: "Replica attachment without an id", response: value, url });
  return {
    id: value.id,
    globalId: str(value.globalId ?? value.globalid),
    parentGlobalId: str(value.parentGlobalId ?? value.parentglobalid),
    parentObjectId: num(value.parentObjectId),
    name: str(value.name) ?? `attachment-${value.id}`,
    contentType: str(value.contentType) ?? "application/octet-stream",
    size: num(value.size),
    url: str(value.url),
    data: str(value.data),
  };
}

function parseLayer(value: unknown, url: string): ReplicaLayer {
  if (!isRecord(value) || typeof value.id !== "number") throw new ArcGISRequestError({ message: "Replica layer without an id", response: value, url });
  const features = Array.isArray(value.features) ? value.features : [];
  const attachments = Array.isArray(value.attachments) ? value.attachments : [];
  return {
    id: value.id,
    features: features.map((f) => {
      if (!isRecord(f)) throw new ArcGISRequestError({ message: "Replica feature is not an object", response: f, url });
      return { attributes: isRecord(f.attributes) ? f.attributes : {}, ...(f.geometry !== undefined ? { geometry: f.geometry as EsriFeature["geometry"] } : {}) };
    }),
    attachments: attachments.map((a) => parseAttachment(a, url)),
  };
}

/** Parses replica data in JSON format (`createReplica` with `dataFormat=json`, embedded or from its result file). */
export function parseReplica(body: unknown, serviceUrl: string, url = serviceUrl): Replica {
  if (!isRecord(body)) throw new ArcGISRequestError({ message: "Replica data is not a JSON object", response: body, url });
  const replicaName = str(body.replicaName) ?? "";
  const replicaID = str(body.replicaID ?? body.replicaId) ?? "";
  if (!Array.isArray(body.layers)) throw new ArcGISRequestError({ message: "Replica data has no layers", response: body, url });
  return {
    replicaName,
    replicaID,
    replicaServerGen: num(body.replicaServerGen ?? body.serverGen),
    serviceUrl,
    layers: body.layers.map((l) => parseLayer(l, url)),
    raw: body,
  };
}
