import type { Route } from "../context.js";
import { jsonReply } from "../http/reply.js";
import { SERVER_FULL_VERSION, SERVER_VERSION } from "../metadata/version.js";
import { pathAfter } from "./path-after.js";

/** `/arcgis/rest/info`: server version and where to get tokens. */
export const infoRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "info");
  if (!rest) return undefined;
  const base = ctx.state.baseUrl;
  if (rest.length === 1 && rest[0].toLowerCase() === "healthcheck") return jsonReply({ success: true }, ctx.params);
  if (rest.length > 0) return undefined;
  return jsonReply(
    {
      currentVersion: SERVER_VERSION,
      fullVersion: SERVER_FULL_VERSION,
      soapUrl: `${base}/arcgis/services`,
      secureSoapUrl: `${base.replace(/^http:/, "https:")}/arcgis/services`,
      authInfo: {
        isTokenBasedSecurity: true,
        tokenServicesUrl: `${base}/arcgis/tokens/generateToken`,
        shortLivedTokenValidity: 60,
      },
    },
    ctx.params,
  );
};
