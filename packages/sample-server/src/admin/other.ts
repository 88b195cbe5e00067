import type { RequestContext } from "../context.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { LOG_LEVELS } from "./logs.js";
import { adminErrorReply, successReply } from "./replies.js";
import type { AdminDataItem, AdminState } from "./state.js";

/**
 * `/admin/logs/query`: newest first; `startTime` is the newest time wanted (default now),
 * `endTime` the oldest. A page ends at its oldest entry's time, which the next page starts at
 * (inclusive, like ArcGIS Server, so that entry is repeated).
 */
export function queryLogsReply(ctx: RequestContext, admin: AdminState): Reply {
  const { params } = ctx;
  const level = (params.level ?? "WARNING").toUpperCase();
  const rank = LOG_LEVELS.indexOf(level as (typeof LOG_LEVELS)[number]);
  if (rank < 0) return adminErrorReply(400, [`Invalid log level '${params.level}'.`], params);
  const start = params.startTime ? Number(params.startTime) : Number.POSITIVE_INFINITY;
  const end = params.endTime ? Number(params.endTime) : Number.NEGATIVE_INFINITY;
  const pageSize = params.pageSize ? Number(params.pageSize) : 1000;
  if (!Number.isFinite(start) && params.startTime) return adminErrorReply(400, ["Invalid startTime."], params);
  if (!(Number.isInteger(pageSize) && pageSize > 0 && pageSize <= 10000)) return adminErrorReply(400, ["'pageSize' must be between 1 and 10000."], params);
  let sources: string[] | undefined;
  if (params.filter) {
    try {
      const filter = JSON.parse(params.filter) as { services?: string | string[]; server?: string | string[] };
      const s = filter.services ?? "*";
      sources = s === "*" ? undefined : (Array.isArray(s) ? s : [s]).map((v) => v.toLowerCase());
    } catch {
      return adminErrorReply(400, ["The 'filter' parameter is not valid JSON."], params);
    }
  }
  const matching = admin.logs.filter(
    (e) => e.time <= start && e.time >= end && LOG_LEVELS.indexOf(e.type as (typeof LOG_LEVELS)[number]) <= rank && (!sources || sources.includes(e.source.toLowerCase())),
  );
  const logMessages = matching.slice(0, pageSize);
  const hasMore = matching.length > pageSize;
  const last = logMessages.at(-1);
  return jsonReply({ hasMore, startTime: logMessages[0]?.time ?? start, endTime: last ? last.time : end, logMessages }, params);
}

/** `/admin/data/<op>`. */
export function dataReply(ctx: RequestContext, admin: AdminState, op: string): Reply | undefined {
  const { params } = ctx;
  switch (op) {
    case "items":
      return jsonReply({ rootItems: ["/fileShares", "/enterpriseDatabases", "/cloudStores"] }, params);
    case "finditems": {
      const parent = (params.parentPath ?? "").toLowerCase();
      if (!parent.startsWith("/")) return adminErrorReply(400, ["'parentPath' must be an item path such as /fileShares."], params);
      const types = (params.types ?? "").split(",").filter(Boolean);
      const items = admin.dataItems.filter((i) => i.path.toLowerCase().startsWith(`${parent}/`) && (types.length === 0 || types.includes(i.type)));
      return jsonReply({ items }, params);
    }
    case "validatedataitem": {
      const item = parseItem(params.item);
      if (!item) return adminErrorReply(400, ["The 'item' parameter is not a valid data item."], params);
      if (!item.info || typeof item.info !== "object") return adminErrorReply(400, [`Data item '${item.path}' has no connection info.`], params);
      return successReply(params);
    }
    case "registeritem": {
      const item = parseItem(params.item);
      if (!item) return adminErrorReply(400, ["The 'item' parameter is not a valid data item."], params);
      if (admin.dataItems.some((i) => i.path.toLowerCase() === item.path.toLowerCase())) {
        return adminErrorReply(409, [`A data item is already registered at '${item.path}'.`], params);
      }
      const stored: AdminDataItem = { path: item.path, type: item.type, id: `item-${admin.dataItems.length + 1}`, info: item.info ?? {} };
      admin.dataItems.push(stored);
      return jsonReply({ status: "success", ...stored }, params);
    }
    case "unregisteritem": {
      const index = admin.dataItems.findIndex((i) => i.path.toLowerCase() === (params.itempath ?? params.itemPath ?? "").toLowerCase());
      if (index < 0) return adminErrorReply(404, [`No data item is registered at '${params.itemPath ?? ""}'.`], params);
      admin.dataItems.splice(index, 1);
      return jsonReply({ success: true }, params);
    }
    default:
      return undefined;
  }
}

function parseItem(value: string | undefined): (Partial<AdminDataItem> & { path: string; type: string }) | undefined {
  try {
    const item = JSON.parse(value ?? "") as Partial<AdminDataItem>;
    return typeof item.path === "string" && item.path.startsWith("/") && typeof item.type === "string" ? (item as AdminDataItem) : undefined;
  } catch {
    return undefined;
  }
}

/** `/admin/machines`, `/admin/clusters`, `/admin/security/config`, `/admin/logs/settings`. */
export function infoReply(ctx: RequestContext, what: string): Reply | undefined {
  const { params } = ctx;
  const host = new URL(ctx.state.baseUrl).host;
  switch (what) {
    case "machines":
      return jsonReply({ machines: [{ machineName: "SAMPLEMACHINE.LOCAL", adminURL: `${ctx.state.baseUrl}/arcgis/admin`, configuredState: "STARTED", realTimeState: "STARTED" }] }, params);
    case "clusters":
      return jsonReply({ clusters: [{ clusterName: "default", clusterProtocol: { tcpClusterPort: "4014" }, machineNames: ["SAMPLEMACHINE.LOCAL"], configuredState: "STARTED" }] }, params);
    case "security/config":
      return jsonReply({ sslEnabled: false, httpEnabled: true, authenticationTier: "GIS_SERVER", authenticationMode: "ARCGIS_TOKEN", userStoreConfig: { type: "BUILTIN", properties: {} }, roleStoreConfig: { type: "BUILTIN", properties: {} }, allowedAdminAccessIPs: "", allowDirectAccess: true, webServerHost: host }, params);
    case "logs/settings":
      return jsonReply({ settings: { logDir: "C:\\arcgisserver\\logs\\", logLevel: "WARNING", maxErrorReportsCount: 10, maxLogFileAge: 90, usageMeteringEnabled: false, statisticsConfig: { enabled: true, samplingInterval: 28, maxHistory: 0 } } }, params);
    default:
      return undefined;
  }
}
