import { errorReply, type Reply } from "../http/reply.js";

/** The answer to a layer id the service does not have. */
export function invalidLayerReply(id: string, params: Record<string, string>): Reply {
  return errorReply(400, `Invalid Layer or Table ID: ${id}.`, [], params);
}
