import { errorReply, type Reply } from "../http/reply.js";

/** The answer to a secured resource requested without a token (HTTP 200, as ArcGIS Server). */
export function tokenRequiredReply(params?: Record<string, string>): Reply {
  return errorReply(499, "Token Required", [], params);
}

/** The answer to a request with an unknown or expired token (HTTP 200, as ArcGIS Server). */
export function invalidTokenReply(params?: Record<string, string>): Reply {
  return errorReply(498, "Invalid Token", [], params);
}

/** The generateToken answer to a wrong user name or password. */
export function badCredentialsReply(params?: Record<string, string>): Reply {
  return errorReply(400, "Unable to generate token.", ["Invalid username or password."], params);
}
