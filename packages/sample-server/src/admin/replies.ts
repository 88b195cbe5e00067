import { jsonReply, type Reply } from "../http/reply.js";

/** The Administrator API's error body `{status:"error", messages, code}` (HTTP 200). */
export function adminErrorReply(code: number, messages: string[], params?: Record<string, string>): Reply {
  return jsonReply({ status: "error", messages, code }, params);
}

/** The Administrator API's `{status:"success"}`. */
export function successReply(params?: Record<string, string>, extra: Record<string, unknown> = {}): Reply {
  return jsonReply({ status: "success", ...extra }, params);
}
