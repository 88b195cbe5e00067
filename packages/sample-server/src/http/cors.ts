import type { IncomingMessage } from "node:http";

/** CORS headers for an answer to `req`: any origin, credentials allowed, the headers clients use. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const requested = req.headers["access-control-request-headers"];
  return {
    "access-control-allow-origin": origin ?? "*",
    ...(origin ? { "access-control-allow-credentials": "true", vary: "Origin" } : {}),
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers":
      typeof requested === "string" && requested ? requested : "Content-Type, Authorization, X-Esri-Authorization, X-Requested-With",
    "access-control-expose-headers": "Retry-After, Content-Disposition, Content-Length",
    "access-control-max-age": "86400",
  };
}
