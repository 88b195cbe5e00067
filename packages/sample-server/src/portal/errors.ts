import { jsonReply, type Reply } from "../http/reply.js";

/** A Portal error body (HTTP 200, as the sharing API answers), with a `messageCode` when given. */
export function portalError(code: number, message: string, details: string[] = [], messageCode?: string, params?: Record<string, string>): Reply {
  return jsonReply({ error: { code, ...(messageCode ? { messageCode } : {}), message, details } }, params);
}

/** An item id that names no item the caller can see. */
export function itemNotFound(id: string, params?: Record<string, string>): Reply {
  return portalError(400, "Item does not exist or is inaccessible.", [`Item '${id}' does not exist or is inaccessible.`], "CONT_0001", params);
}

/** The caller may not do this (anonymous, or not the owner). */
export function forbidden(params?: Record<string, string>): Reply {
  return portalError(403, "You do not have permissions to access this resource or perform this operation.", [], "GWM_0003", params);
}

/** A token that is unknown or expired. */
export function invalidPortalToken(params?: Record<string, string>): Reply {
  return portalError(498, "Invalid token.", [], undefined, params);
}
