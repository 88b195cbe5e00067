import type { RequestContext, Route } from "../context.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { addItem, itemOperation, readItem, searchItems, userContent, type ContentCall } from "../portal/content.js";
import { forbidden, invalidPortalToken, portalError } from "../portal/errors.js";
import { canSeeGroup, canSeeItem, groupDoc, groupJson, itemDoc, itemJson, userDoc, userJson } from "../portal/render.js";
import { compileQuery, pageOf, sortDocs } from "../portal/search.js";
import { federatedServers, portalSelf } from "../portal/self.js";
import { issuePortalToken, type PortalState } from "../portal/state.js";
import { pathAfter } from "./path-after.js";

const WRITE_OPERATIONS = new Set(["update", "delete", "share", "move"]);

/**
 * `/portal/sharing/rest`: a Portal for ArcGIS whose federated (hosting) server is this server's
 * own `/arcgis` site. Also watches every `/arcgis` request: one carrying a portal token is
 * recorded in `state.portal.leaks` (a portal token must never reach the federated server)
 * and then answered by the `/arcgis` routes, which do not accept it.
 */
export const portalRoute: Route = (ctx) => {
  const portal = ctx.state.portal;
  if (ctx.segments[0]?.toLowerCase() === "arcgis") {
    recordLeak(portal, ctx);
    return undefined;
  }
  const rest = pathAfter(ctx, "portal", "sharing", "rest");
  if (!rest) return undefined;
  const lower = rest.map((s) => s.toLowerCase());
  if (lower[0] === "generatetoken" && rest.length === 1) return generateToken(ctx, portal);
  if (lower[0] === "info" && rest.length === 1) return info(ctx);
  let username: string | undefined;
  if (ctx.token !== undefined) {
    username = portal.tokens.validate(ctx.token);
    if (username === undefined) return invalidPortalToken(ctx.params);
  }
  const call: ContentCall = { state: portal, baseUrl: ctx.state.baseUrl, username, params: ctx.params, files: ctx.files };
  switch (lower[0]) {
    case "portals":
      return portals(call, lower.slice(1));
    case "search":
      return rest.length === 1 ? searchItems(call, itemMatcher(ctx.params.q)) : undefined;
    case "community":
      return community(call, rest.slice(1));
    case "content":
      return content(ctx, call, rest.slice(1));
    default:
      return undefined;
  }
};

function recordLeak(portal: PortalState, ctx: RequestContext): void {
  const owner = ctx.token === undefined ? undefined : portal.issued.get(ctx.token);
  if (owner !== undefined) portal.leaks.push({ method: ctx.method, path: ctx.path, username: owner });
}

function info(ctx: RequestContext): Reply {
  const base = ctx.state.baseUrl;
  return jsonReply({ owningSystemUrl: `${base}/portal`, authInfo: { tokenServicesUrl: `${base}/portal/sharing/rest/generateToken`, isTokenBasedSecurity: true } }, ctx.params);
}

/** Token lifetime from `expiration` (minutes), capped by the store's maximum; or an error message. */
function lifetime(expiration: string | undefined, maxSeconds: number): number | string {
  if (expiration === undefined || expiration === "") return maxSeconds;
  const minutes = Number(expiration);
  if (!Number.isFinite(minutes) || minutes <= 0) return `Invalid expiration: '${expiration}'.`;
  return Math.min(minutes * 60, maxSeconds);
}

/**
 * `generateToken`: a portal token for `username`/`password`; with `serverUrl`, a token for that
 * federated server instead (from credentials or from the portal token the request carries).
 */
function generateToken(ctx: RequestContext, portal: PortalState): Reply {
  if (ctx.method !== "POST") return portalError(405, "Method not supported.", ["generateToken is only allowed via POST."], undefined, ctx.params);
  const { username, password, serverUrl, expiration } = ctx.params;
  let user: string | undefined;
  if (username || password) {
    if (!username || !password || ctx.state.users[username] !== password) {
      return portalError(400, "Unable to generate token.", ["Invalid username or password."], undefined, ctx.params);
    }
    user = username;
  } else if (serverUrl && ctx.token !== undefined) {
    user = portal.tokens.validate(ctx.token);
    if (user === undefined) return invalidPortalToken(ctx.params);
  } else {
    return portalError(400, "Unable to generate token.", ["'username' must be specified.", "'password' must be specified."], undefined, ctx.params);
  }
  if (serverUrl) {
    const servers = federatedServers(ctx.state.baseUrl).map((s) => String(s.url).toLowerCase());
    const wanted = serverUrl.replace(/\/+$/, "").toLowerCase();
    if (!servers.some((s) => wanted === s || wanted.startsWith(`${s}/`))) {
      return portalError(400, "Unable to generate token.", [`'${serverUrl}' is not a server federated with this portal.`], undefined, ctx.params);
    }
    const ttl = lifetime(expiration, ctx.state.tokens.ttlSeconds);
    if (typeof ttl === "string") return portalError(400, "Unable to generate token.", [ttl], undefined, ctx.params);
    const issued = ctx.state.tokens.issue(user, ttl);
    portal.exchanged.set(issued.token, user);
    return jsonReply({ token: issued.token, expires: issued.expires, ssl: false }, ctx.params);
  }
  const ttl = lifetime(expiration, portal.tokens.ttlSeconds);
  if (typeof ttl === "string") return portalError(400, "Unable to generate token.", [ttl], undefined, ctx.params);
  const issued = issuePortalToken(portal, user, ttl);
  return jsonReply({ token: issued.token, expires: issued.expires, ssl: false }, ctx.params);
}

function portals(call: ContentCall, rest: string[]): Reply | undefined {
  if (rest.length === 0 || (rest[0] !== "self" && rest[0] !== call.state.id.toLowerCase())) return undefined;
  if (rest.length === 1) return jsonReply(portalSelf(call.state, call.baseUrl, call.username), call.params);
  if (rest.length === 2 && rest[1] === "servers") {
    if (call.username === undefined) return forbidden(call.params);
    return jsonReply({ servers: federatedServers(call.baseUrl) }, call.params);
  }
  return undefined;
}

function itemMatcher(q: string | undefined) {
  const matches = compileQuery(q);
  return (item: Parameters<typeof itemDoc>[0]) => matches(itemDoc(item));
}

function community(call: ContentCall, rest: string[]): Reply | undefined {
  const area = rest[0]?.toLowerCase();
  const { state, params, username } = call;
  if (area === "self" && rest.length === 1) {
    const user = username === undefined ? undefined : state.users.get(username);
    return user ? jsonReply(userJson(state, user, username), params) : forbidden(params);
  }
  if (area === "users") {
    if (rest.length === 1) {
      if (username === undefined) return forbidden(params);
      const matches = compileQuery(params.q);
      const users = sortDocs([...state.users.values()].filter((u) => matches(userDoc(u))), userDoc, params.sortField, params.sortOrder);
      return searchAnswer(call, users, (u) => userJson(state, u, username));
    }
    if (rest.length === 2) {
      const user = state.users.get(rest[1]);
      if (!user || username === undefined) return portalError(400, "User not found.", [`User '${rest[1]}' does not exist or is inaccessible.`], "COM_0003", params);
      return jsonReply(userJson(state, user, username), params);
    }
    return undefined;
  }
  if (area === "groups") {
    if (rest.length === 1) {
      const matches = compileQuery(params.q);
      const groups = [...state.groups.values()].filter((g) => canSeeGroup(g, username) && matches(groupDoc(g)));
      return searchAnswer(call, sortDocs(groups, groupDoc, params.sortField, params.sortOrder), (g) => groupJson(g, username));
    }
    if (rest.length === 2) {
      const group = state.groups.get(rest[1].toLowerCase());
      if (!group || !canSeeGroup(group, username)) return portalError(400, "Group does not exist or is inaccessible.", [], "COM_0003", params);
      return jsonReply(groupJson(group, username), params);
    }
  }
  return undefined;
}

function searchAnswer<T>(call: ContentCall, records: T[], render: (record: T) => Record<string, unknown>): Reply {
  const page = pageOf(records, call.params);
  if (typeof page === "string") return portalError(400, "Invalid paging parameters.", [page], undefined, call.params);
  return jsonReply(
    { query: call.params.q ?? "", total: page.total, start: page.start, num: page.num, nextStart: page.nextStart, results: page.page.map(render) },
    call.params,
  );
}

function content(ctx: RequestContext, call: ContentCall, rest: string[]): Reply | undefined {
  const area = rest[0]?.toLowerCase();
  if (area === "items" && rest.length >= 2 && rest.length <= 3) return readItem(call, rest[1], rest[2]?.toLowerCase());
  if (area === "groups" && rest.length === 2) {
    const group = call.state.groups.get(rest[1].toLowerCase());
    if (!group || !canSeeGroup(group, call.username)) return portalError(400, "Group does not exist or is inaccessible.", [], "COM_0003", call.params);
    const items = [...call.state.items.values()].filter((i) => i.groups.includes(group.id) && canSeeItem(call.state, i, call.username));
    const page = pageOf(items, call.params);
    if (typeof page === "string") return portalError(400, "Invalid paging parameters.", [page], undefined, call.params);
    return jsonReply({ total: page.total, start: page.start, num: page.num, nextStart: page.nextStart, items: page.page.map((i) => itemJson(i, call.baseUrl)) }, call.params);
  }
  if (area !== "users" || rest.length < 2) return undefined;
  const owner = rest[1];
  // content/users/<owner>[/<folder>][/addItem | /items/<id>/<operation>]
  let tail = rest.slice(2);
  let folder: string | undefined;
  if (tail.length > 0 && tail[0].toLowerCase() !== "additem" && tail[0].toLowerCase() !== "items") {
    folder = tail[0];
    tail = tail.slice(1);
  }
  if (tail.length === 0) return userContent(call, owner, folder);
  const isWrite = tail[0].toLowerCase() === "additem" || (tail[0].toLowerCase() === "items" && WRITE_OPERATIONS.has((tail[2] ?? "").toLowerCase()));
  if (isWrite && ctx.method !== "POST") return portalError(405, "Method not supported.", ["This operation is only allowed via POST."], undefined, call.params);
  if (tail.length === 1 && tail[0].toLowerCase() === "additem") return addItem(call, owner, folder);
  if (tail.length === 3 && tail[0].toLowerCase() === "items") return itemOperation(call, owner, tail[1], tail[2].toLowerCase());
  return undefined;
}
