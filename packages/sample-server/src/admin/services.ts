import type { RequestContext } from "../context.js";
import { folderOf } from "../data/lookup.js";
import type { SampleService } from "../data/types.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { adminErrorReply, successReply } from "./replies.js";
import { type AdminState, serviceJsonOf, serviceKey } from "./state.js";

/** The folder's canonical spelling ("" for root), or undefined when it does not exist. */
export function findFolder(ctx: RequestContext, name: string): string | undefined {
  if (name === "" || name === "/") return "";
  return ctx.state.dataset.folders.find((f) => f.toLowerCase() === name.toLowerCase());
}

function summary(service: SampleService): Record<string, unknown> {
  const folder = folderOf(service);
  return {
    folderName: folder === "" ? "/" : folder,
    serviceName: folder === "" ? service.name : service.name.slice(folder.length + 1),
    type: service.type,
    description: service.description ?? "",
  };
}

/** `GET /admin/services[/<folder>]`. */
export function folderReply(ctx: RequestContext, admin: AdminState, folder: string): Reply {
  const { dataset } = ctx.state;
  const services = dataset.services.filter((s) => folderOf(s).toLowerCase() === folder.toLowerCase()).map(summary);
  const body: Record<string, unknown> = { folderName: folder === "" ? "/" : folder, description: admin.folderDescriptions.get(folder.toLowerCase()) ?? "" };
  if (folder === "") body.folders = dataset.folders.filter((f) => !f.includes("/"));
  body.services = services;
  return jsonReply(body, ctx.params);
}

/** Finds "<name>.<Type>" in a folder. */
export function findAdminService(ctx: RequestContext, folder: string, segment: string): SampleService | undefined {
  const dot = segment.lastIndexOf(".");
  if (dot < 0) return undefined;
  const full = (folder === "" ? "" : `${folder}/`) + segment.slice(0, dot);
  const type = segment.slice(dot + 1).toLowerCase();
  return ctx.state.dataset.services.find((s) => s.name.toLowerCase() === full.toLowerCase() && s.type.toLowerCase() === type);
}

/** Operations on one service: `.../<name>.<Type>[/status|start|stop|edit]`. */
export function serviceReply(ctx: RequestContext, admin: AdminState, service: SampleService, op: string | undefined): Reply {
  const { params } = ctx;
  switch (op?.toLowerCase()) {
    case undefined:
      return jsonReply(serviceJsonOf(admin, service), params);
    case "status": {
      const state = service.started === false ? "STOPPED" : "STARTED";
      return jsonReply({ configuredState: state, realTimeState: state }, params);
    }
    case "start":
      service.started = true;
      return successReply(params);
    case "stop":
      service.started = false;
      return successReply(params);
    case "edit":
      return editReply(ctx, admin, service);
    default:
      return adminErrorReply(404, [`Operation '${op}' is not supported on a service.`], params);
  }
}

function editReply(ctx: RequestContext, admin: AdminState, service: SampleService): Reply {
  if (ctx.method !== "POST") return adminErrorReply(405, ["Method not supported: 'edit' needs a POST."], ctx.params);
  let json: unknown;
  try {
    json = JSON.parse(ctx.params.service ?? "");
  } catch {
    return adminErrorReply(400, ["The 'service' parameter is not a valid service JSON."], ctx.params);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return adminErrorReply(400, ["The 'service' parameter is not a valid service JSON."], ctx.params);
  }
  const next = json as Record<string, unknown>;
  const current = serviceJsonOf(admin, service);
  if (String(next.serviceName ?? "").toLowerCase() !== String(current.serviceName).toLowerCase() || next.type !== service.type) {
    return adminErrorReply(400, ["The service name and type cannot be changed by 'edit'."], ctx.params);
  }
  // Like ArcGIS Server, the posted JSON replaces the stored one: what is left out is gone.
  admin.serviceJson.set(serviceKey(service), next);
  if (typeof next.description === "string") service.description = next.description;
  if (service.type === "MapServer" && Array.isArray(next.extensions)) {
    const fs = (next.extensions as Array<Record<string, unknown>>).find((e) => e.typeName === "FeatureServer");
    service.featureServer = fs !== undefined && String(fs.enabled) === "true";
  }
  return successReply(ctx.params);
}

