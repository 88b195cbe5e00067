import { badCredentialsReply } from "../auth/errors.js";
import type { Route } from "../context.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { pathAfter } from "./path-after.js";

/**
 * `/arcgis/tokens/generateToken`: issues a token for a known user. `expiration` (minutes) is
 * honoured up to the server's tokenTtlSeconds, which is also the default lifetime.
 */
export const tokensRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "tokens");
  if (!rest) return undefined;
  if (rest.length !== 1 || rest[0].toLowerCase() !== "generatetoken") return undefined;
  const { username, password, expiration } = ctx.params;
  if (!username || !password) {
    const details = [
      ...(username ? [] : ["'username' must be specified."]),
      ...(password ? [] : ["'password' must be specified."]),
    ];
    return errorReply(400, "Unable to generate token.", details, ctx.params);
  }
  if (ctx.state.users[username] !== password) return badCredentialsReply(ctx.params);
  const maxTtl = ctx.state.tokens.ttlSeconds;
  let ttl = maxTtl;
  if (expiration !== undefined && expiration !== "") {
    const minutes = Number(expiration);
    if (!Number.isFinite(minutes) || minutes <= 0) {
      return errorReply(400, "Unable to generate token.", [`Invalid expiration: '${expiration}'.`], ctx.params);
    }
    ttl = Math.min(minutes * 60, maxTtl);
  }
  const issued = ctx.state.tokens.issue(username, ttl);
  return jsonReply({ token: issued.token, expires: issued.expires, ssl: false }, ctx.params);
};
