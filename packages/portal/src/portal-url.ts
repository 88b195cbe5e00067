import { serverRoot } from "@arcrest/core/internal";

/** The two URLs of a portal. */
export interface PortalUrls {
  /** The portal root: `https://host/portal`, `https://ORG.maps.arcgis.com`. */
  url: string;
  /** Its sharing API: `<url>/sharing/rest`. */
  restUrl: string;
}

/**
 * The root and sharing API URL of a portal from any URL on it: `https://host/portal`,
 * `.../portal/home`, `.../portal/sharing/rest`, `https://ORG.maps.arcgis.com` or `https://www.arcgis.com/home/`.
 * @throws `ValidationError` for a URL that is not absolute http(s).
 *
 * @example
 * ```ts
 * portalUrls("https://host/portal/home").restUrl; // "https://host/portal/sharing/rest"
 * ```
 */
export function portalUrls(url: string): PortalUrls {
  const root = serverRoot(url);
  return { url: root, restUrl: `${root}/sharing/rest` };
}
