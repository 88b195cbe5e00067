import { serverRoot } from "../auth/server-root.js";
import type { TokenSource } from "./token-source.js";
import { ArcGISAuthError } from "../errors/arcgis-auth-error.js";

/** Rewrites a 498/499 error (the only ones the pipeline passes) so it says what the session lacked. @internal */
export function explainAuthError(error: ArcGISAuthError, call: { base: string; session: TokenSource }, tokenSent: boolean): ArcGISAuthError {
  const root = serverRoot(call.base);
  const cannotRenew = "holds no credentials to renew it";
  let hint: string;
  if (error.code === 499 && !tokenSent) {
    const stale = call.session.tokenFor(call.base);
    hint = stale
      ? `${error.url} needs a token; the session's token for ${root} expired at ${stale.expires.toISOString()} and it ${cannotRenew}`
      : `${error.url} needs a token; the session holds no token or credentials for ${root} (use generateToken(), session.setCredentials() or session.addToken())`;
  } else {
    hint = `the token for ${root} was rejected (invalid or expired)${call.session.hasTokenProvider(call.base) ? " even after renewing it" : ` and the session ${cannotRenew}`}`;
  }
  return new ArcGISAuthError({ ...error, message: `${error.message}: ${hint}` });
}
