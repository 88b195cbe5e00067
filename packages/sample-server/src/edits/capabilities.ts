/** What a layer's or service's capabilities allow, and the refusal a feature service sends otherwise. */
import type { SampleLayer, SampleService } from "../data/types.js";
import { errorReply, type Reply } from "../http/reply.js";

/** Editing operations, by the capability that allows them. */
export type EditCapability = "Create" | "Update" | "Delete" | "Uploads" | "Sync" | "Extract";

function capabilitySet(text: string): Set<string> {
  return new Set(
    text
      .split(",")
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * Whether a layer allows an operation. Old services list only `Editing`, which then allows
 * creating, updating and deleting.
 */
export function layerAllows(layer: SampleLayer, capability: EditCapability): boolean {
  if (layer.lazy) return false;
  const caps = capabilitySet(layer.capabilities);
  if (caps.has(capability.toLowerCase())) return true;
  const editOps = ["create", "update", "delete"];
  return editOps.includes(capability.toLowerCase()) && caps.has("editing") && !editOps.some((op) => caps.has(op));
}

/** Whether any layer of a service allows an operation (service-level capabilities are their union). */
export function serviceAllows(service: SampleService, capability: EditCapability): boolean {
  return service.layers.some((layer) => layerAllows(layer, capability));
}

/** The answer ArcGIS gives to an operation the service's capabilities do not include. */
export function notSupportedReply(params: Record<string, string>): Reply {
  return errorReply(400, "Requested operation is not supported by this service.", ["The requested capability is not supported."], params);
}

/** The answer to a GET of a POST-only operation. */
export function postOnlyReply(params: Record<string, string>): Reply {
  return errorReply(405, "Method not supported.", ["This operation is only supported via POST."], params);
}

/** A 400 "Unable to complete operation." with details. */
export function unableReply(details: string[], params: Record<string, string>): Reply {
  return errorReply(400, "Unable to complete operation.", details, params);
}
