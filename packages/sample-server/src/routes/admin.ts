import { adminStateOf, type AdminState } from "../admin/state.js";
import { dataReply, infoReply, queryLogsReply } from "../admin/other.js";
import { adminErrorReply, successReply } from "../admin/replies.js";
import { rolesReply, usersReply } from "../admin/security.js";
import { findAdminService, findFolder, folderReply, serviceReply } from "../admin/services.js";
import type { RequestContext, Route } from "../context.js";
import { folderOf } from "../data/lookup.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { exchangedTokenUser } from "../portal/state.js";
import { pathAfter } from "./path-after.js";

/**
 * `/arcgis/admin/...`: the ArcGIS Server Administrator API over the sample server's own services.
 * Admin tokens come from `/arcgis/admin/generateToken` and are kept apart from the REST token
 * service's: a REST token is refused here (498). Server tokens issued through the portal's
 * `generateToken` with `serverUrl` (federation) are accepted; portal tokens are not.
 */
export const adminRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "admin");
  if (!rest) return undefined;
  const admin = adminStateOf(ctx.state);
  if (rest.length === 1 && rest[0].toLowerCase() === "generatetoken") return generateTokenReply(ctx, admin);
  const refusal = checkAdminToken(ctx, admin);
  if (refusal) return refusal;
  const lower = rest.map((s) => s.toLowerCase());
  const joined = lower.join("/");
  if (rest.length === 0) return jsonReply({ resources: ["machines", "clusters", "system", "services", "security", "data", "uploads", "logs", "mode", "usagereports"], currentVersion: 11.1 }, ctx.params);
  if (lower[0] === "services") return servicesArea(ctx, admin, rest.slice(1));
  if (joined === "logs/query") return queryLogsReply(ctx, admin);
  if (lower[0] === "security" && lower[1] === "users" && lower.length === 3) return usersReply(ctx, admin, lower[2]) ?? notFound(ctx);
  if (lower[0] === "security" && lower[1] === "roles" && lower.length === 3) return rolesReply(ctx, admin, lower[2]) ?? notFound(ctx);
  if (lower[0] === "data" && lower.length === 2) return dataReply(ctx, admin, lower[1]) ?? notFound(ctx);
  return infoReply(ctx, joined) ?? notFound(ctx);
};

function notFound(ctx: RequestContext): Reply {
  return adminErrorReply(404, [`Could not find resource or operation '${ctx.path}' on the system.`], ctx.params);
}

function generateTokenReply(ctx: RequestContext, admin: AdminState): Reply {
  const { username, password } = ctx.params;
  if (!username || !password) return adminErrorReply(400, ["Username and password are required to generate a token."], ctx.params);
  if (ctx.state.users[username] !== password) return adminErrorReply(400, ["Unable to generate token. Invalid username or password."], ctx.params);
  const minutes = Number(ctx.params.expiration);
  const ttl = Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes * 60, admin.tokens.ttlSeconds) : admin.tokens.ttlSeconds;
  const issued = admin.tokens.issue(username, ttl);
  return jsonReply({ token: issued.token, expires: issued.expires }, ctx.params);
}

function checkAdminToken(ctx: RequestContext, admin: AdminState): Reply | undefined {
  if (ctx.token === undefined) {
    return adminErrorReply(499, ["Unauthorized access. Token not found. You can generate a token using the 'generateToken' operation."], ctx.params);
  }
  // A federated server also accepts the server tokens its portal issues (never the portal's own tokens).
  const user = admin.tokens.validate(ctx.token) ?? exchangedTokenUser(ctx.state.portal, ctx.state.tokens, ctx.token);
  if (user === undefined) return adminErrorReply(498, ["Invalid token."], ctx.params);
  return undefined;
}

function servicesArea(ctx: RequestContext, admin: AdminState, rest: string[]): Reply {
  const lower = rest.map((s) => s.toLowerCase());
  if (lower.length === 0) return folderReply(ctx, admin, "");
  if (lower.length === 1 && lower[0] === "createfolder") return createFolderReply(ctx, admin);
  // [folder/]name.Type[/op] or folder[/op]
  const folder = rest[0].includes(".") ? "" : findFolder(ctx, rest[0]);
  if (folder === undefined) return adminErrorReply(404, [`Folder '${rest[0]}' does not exist. Folders: ${ctx.state.dataset.folders.join(", ")}.`], ctx.params);
  const after = folder === "" ? rest : rest.slice(1);
  if (after.length > 0 && after[0].includes(".")) {
    const service = findAdminService(ctx, folder, after[0]);
    if (!service) return adminErrorReply(404, [`Service '${after[0]}' does not exist in folder '${folder || "/"}'.`], ctx.params);
    const sub = after.slice(1).map((s) => s.toLowerCase()).join("/");
    const key = `${service.name}.${service.type}`.toLowerCase();
    if (sub === "permissions") return jsonReply({ permissions: admin.permissions.get(key) ?? [] }, ctx.params);
    if (sub === "permissions/add") return addPermissionReply(ctx, admin, key, false);
    return serviceReply(ctx, admin, service, after[1]);
  }
  const op = after.map((s) => s.toLowerCase()).join("/");
  if (op === "") return folderReply(ctx, admin, folder);
  if (op === "deletefolder") return deleteFolderReply(ctx, folder);
  if (op === "permissions") return jsonReply({ permissions: admin.permissions.get(folder.toLowerCase()) ?? [] }, ctx.params);
  if (op === "permissions/add") return addPermissionReply(ctx, admin, folder, true);
  return notFound(ctx);
}

function createFolderReply(ctx: RequestContext, admin: AdminState): Reply {
  const name = ctx.params.folderName ?? "";
  if (!/^[A-Za-z0-9_]+$/.test(name)) return adminErrorReply(400, [`Invalid folder name '${name}'.`], ctx.params);
  if (findFolder(ctx, name) !== undefined) return adminErrorReply(409, [`Folder '${name}' already exists.`], ctx.params);
  ctx.state.dataset.folders.push(name);
  admin.folderDescriptions.set(name.toLowerCase(), ctx.params.description ?? "");
  return successReply(ctx.params);
}

function deleteFolderReply(ctx: RequestContext, folder: string): Reply {
  if (folder === "") return adminErrorReply(400, ["The root folder cannot be deleted."], ctx.params);
  const { dataset } = ctx.state;
  const inside = dataset.services.filter((s) => folderOf(s).toLowerCase() === folder.toLowerCase());
  if (inside.length) return adminErrorReply(400, [`Folder '${folder}' still holds services: ${inside.map((s) => `${s.name}.${s.type}`).join(", ")}.`], ctx.params);
  dataset.folders = dataset.folders.filter((f) => f.toLowerCase() !== folder.toLowerCase());
  dataset.securedFolders = dataset.securedFolders.filter((f) => f.toLowerCase() !== folder.toLowerCase());
  return successReply(ctx.params);
}

/** Adds or replaces a principal's permission; `esriEveryone` denied makes the folder need a token. */
function addPermissionReply(ctx: RequestContext, admin: AdminState, folder: string, isFolder: boolean): Reply {
  const { principal, isAllowed } = ctx.params;
  if (!principal) return adminErrorReply(400, ["'principal' must be specified."], ctx.params);
  if (isAllowed !== "true" && isAllowed !== "false") return adminErrorReply(400, ["'isAllowed' must be true or false."], ctx.params);
  const key = folder.toLowerCase();
  const list = (admin.permissions.get(key) ?? []).filter((p) => p.principal.toLowerCase() !== principal.toLowerCase());
  list.push({ principal, permission: { isAllowed: isAllowed === "true" } });
  admin.permissions.set(key, list);
  if (isFolder && principal.toLowerCase() === "esrieveryone" && folder !== "") {
    const { dataset } = ctx.state;
    dataset.securedFolders = dataset.securedFolders.filter((f) => f.toLowerCase() !== key);
    if (isAllowed === "false") dataset.securedFolders.push(folder);
  }
  return successReply(ctx.params);
}
