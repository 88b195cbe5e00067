import type { RequestContext } from "../context.js";
import type { Reply } from "../http/reply.js";
import { invalidTokenReply, tokenRequiredReply } from "./errors.js";

/**
 * Access check for a resource under /rest/services: a token that is present must be valid (498
 * otherwise, even on public resources, as ArcGIS Server does); a secured resource needs one (499).
 * Returns the refusal, or undefined when access is granted.
 */
export function checkAccess(ctx: RequestContext, secured: boolean): Reply | undefined {
  if (ctx.token !== undefined) {
    return ctx.state.tokens.validate(ctx.token) === undefined ? invalidTokenReply(ctx.params) : undefined;
  }
  return secured ? tokenRequiredReply(ctx.params) : undefined;
}
