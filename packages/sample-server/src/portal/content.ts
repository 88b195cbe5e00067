import type { UploadedFile } from "../http/multipart.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { forbidden, itemNotFound, portalError } from "./errors.js";
import { canSeeItem, itemDoc, itemJson } from "./render.js";
import { pageOf, sortDocs } from "./search.js";
import { newId, type PortalState, type StoredItem } from "./state.js";

/** What a content operation needs from the request. */
export interface ContentCall {
  state: PortalState;
  baseUrl: string;
  /** The signed-in user, if any. */
  username: string | undefined;
  params: Record<string, string>;
  files: UploadedFile[];
}

const TRUE = new Set(["true", "1", "yes"]);

function splitList(value: string | undefined): string[] {
  return (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
}

/** Whether the caller may act for `owner`'s content (themself or an org admin). */
function actsFor(call: ContentCall, owner: string): boolean {
  return call.username !== undefined && (call.username === owner || call.state.users.get(call.username)?.role === "org_admin");
}

/** Resolves a folder segment or parameter to a folder id of `owner` ("/" or "" is the root). */
function folderId(call: ContentCall, owner: string, folder: string | undefined): string | undefined | null {
  if (folder === undefined || folder === "" || folder === "/") return undefined;
  const folders = call.state.users.get(owner)?.folders;
  return folders?.has(folder) ? folder : null;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function itemData(params: Record<string, string>, files: UploadedFile[]): StoredItem["data"] {
  const file = files.find((f) => f.field === "file");
  if (file) return { contentType: file.contentType, body: file.data };
  if (params.text !== undefined && params.text !== "") return { contentType: isJson(params.text) ? "application/json" : "text/plain; charset=utf-8", body: params.text };
  return undefined;
}

/** `content/users/<owner>[/<folder>]/addItem`. */
export function addItem(call: ContentCall, owner: string, folder: string | undefined): Reply {
  if (!actsFor(call, owner)) return forbidden(call.params);
  const fid = folderId(call, owner, folder);
  if (fid === null) return portalError(400, "Folder not found.", [`Folder '${folder}' does not exist.`], "CONT_0005", call.params);
  const { title, type } = call.params;
  if (!title || !type) {
    return portalError(400, "Unable to add item.", [...(title ? [] : ["'title' must be specified."]), ...(type ? [] : ["'type' must be specified."])], undefined, call.params);
  }
  const now = Date.now();
  const item: StoredItem = {
    id: newId(call.state.rng),
    owner,
    folder: fid,
    title,
    type,
    typeKeywords: splitList(call.params.typeKeywords),
    tags: splitList(call.params.tags),
    snippet: call.params.snippet ?? null,
    description: call.params.description ?? null,
    url: call.params.url || null,
    access: "private",
    groups: [],
    created: now,
    modified: now,
    numViews: 0,
    data: itemData(call.params, call.files),
    resources: [],
  };
  call.state.items.set(item.id, item);
  return jsonReply({ success: true, id: item.id, folder: fid ?? null }, call.params);
}

/** The item `id` owned by `owner` that the caller may change, or the refusal. */
function ownedItem(call: ContentCall, owner: string, id: string): StoredItem | Reply {
  const item = call.state.items.get(id.toLowerCase());
  if (!item || !canSeeItem(call.state, item, call.username)) return itemNotFound(id, call.params);
  if (item.owner !== owner || !actsFor(call, owner)) return forbidden(call.params);
  return item;
}

/** `content/users/<owner>/items/<id>/<operation>`: update, delete, share, move. */
export function itemOperation(call: ContentCall, owner: string, id: string, operation: string): Reply | undefined {
  const found = ownedItem(call, owner, id);
  if (!("id" in found)) return found;
  const item = found;
  const { params } = call;
  switch (operation) {
    case "update": {
      for (const key of ["title", "snippet", "description", "url"] as const) if (params[key] !== undefined) item[key] = params[key];
      if (params.tags !== undefined) item.tags = splitList(params.tags);
      if (params.typeKeywords !== undefined) item.typeKeywords = splitList(params.typeKeywords);
      const data = itemData(params, call.files);
      if (data) item.data = data;
      item.modified = Date.now();
      return jsonReply({ success: true, id: item.id }, params);
    }
    case "delete":
      call.state.items.delete(item.id);
      return jsonReply({ success: true, itemId: item.id }, params);
    case "share": {
      const notSharedWith: string[] = [];
      for (const groupId of splitList(params.groups)) {
        const group = call.state.groups.get(groupId.toLowerCase());
        if (!group || !group.members.has(call.username ?? "")) notSharedWith.push(groupId);
        else if (!item.groups.includes(group.id)) item.groups.push(group.id);
      }
      if (TRUE.has((params.everyone ?? "").toLowerCase())) item.access = "public";
      else if (TRUE.has((params.org ?? "").toLowerCase())) item.access = "org";
      else if (params.everyone !== undefined || params.org !== undefined) item.access = item.groups.length > 0 ? "shared" : "private";
      else if (item.access === "private" && item.groups.length > 0) item.access = "shared";
      return jsonReply({ notSharedWith, itemId: item.id }, params);
    }
    case "move": {
      const target = folderId(call, owner, params.folder);
      if (params.folder === undefined) return portalError(400, "Unable to move item.", ["'folder' must be specified."], undefined, params);
      if (target === null) return portalError(400, "Folder not found.", [`Folder '${params.folder}' does not exist.`], "CONT_0005", params);
      item.folder = target;
      return jsonReply({ success: true, itemId: item.id, owner, folder: target ?? null }, params);
    }
    default:
      return undefined;
  }
}

/** `content/users/<owner>[/<folder>]`: the folder's items (paged) and the owner's folders. */
export function userContent(call: ContentCall, owner: string, folder: string | undefined): Reply {
  if (!call.state.users.has(owner)) return portalError(400, "User not found.", [`User '${owner}' does not exist.`], "COM_0003", call.params);
  if (!actsFor(call, owner)) return forbidden(call.params);
  const fid = folderId(call, owner, folder);
  if (fid === null) return portalError(400, "Folder not found.", [`Folder '${folder}' does not exist.`], "CONT_0005", call.params);
  const items = [...call.state.items.values()].filter((item) => item.owner === owner && item.folder === fid);
  const page = pageOf(items, call.params);
  if (typeof page === "string") return portalError(400, "Invalid paging parameters.", [page], undefined, call.params);
  const user = call.state.users.get(owner);
  const folders = [...(user?.folders ?? new Map<string, string>())].map(([id, title]) => ({ username: owner, id, title, created: user?.created ?? 0 }));
  const currentFolder = fid === undefined ? null : folders.find((f) => f.id === fid) ?? null;
  return jsonReply(
    { username: owner, total: page.total, start: page.start, num: page.num, nextStart: page.nextStart, currentFolder, items: page.page.map((i) => itemJson(i, call.baseUrl)), folders },
    call.params,
  );
}

/** `content/items/<id>`, `.../data`, `.../resources`. */
export function readItem(call: ContentCall, id: string, part: string | undefined): Reply | undefined {
  const item = call.state.items.get(id.toLowerCase());
  if (!item || !canSeeItem(call.state, item, call.username)) return itemNotFound(id, call.params);
  if (part === undefined) return jsonReply(itemJson(item, call.baseUrl), call.params);
  if (part === "data") {
    // Items without data answer an empty body, as Portal does.
    if (!item.data) return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: "" };
    const body = typeof item.data.body === "string" ? item.data.body : item.data.body;
    return { status: 200, headers: { "content-type": item.data.contentType }, body };
  }
  if (part === "resources") {
    const page = pageOf(item.resources, call.params);
    if (typeof page === "string") return portalError(400, "Invalid paging parameters.", [page], undefined, call.params);
    const resources = page.page.map((r) => ({ resource: r.name, created: r.created, size: r.size, access: "inherit" }));
    return jsonReply({ total: page.total, start: page.start, num: page.num, nextStart: page.nextStart, resources }, call.params);
  }
  return undefined;
}

/** `search`: items the caller can see matching `q`, sorted and paged. */
export function searchItems(call: ContentCall, matches: (item: StoredItem) => boolean): Reply {
  const visible = [...call.state.items.values()].filter((item) => canSeeItem(call.state, item, call.username) && matches(item));
  const sorted = sortDocs(visible, itemDoc, call.params.sortField, call.params.sortOrder);
  const page = pageOf(sorted, call.params);
  if (typeof page === "string") return portalError(400, "Invalid paging parameters.", [page], undefined, call.params);
  return jsonReply(
    { query: call.params.q ?? "", total: page.total, start: page.start, num: page.num, nextStart: page.nextStart, results: page.page.map((i) => itemJson(i, call.baseUrl)) },
    call.params,
  );
}
