import { ValidationError } from "../errors/validation-error.js";

// Path segments that end the instance path: what follows them is an API, not the site.
const ROOT_ENDING_SEGMENTS = new Set(["rest", "sharing", "admin", "tokens", "manager", "home", "login", "help"]);

/**
 * Parses an absolute http(s) URL, or throws a {@link ValidationError} naming `parameter`.
 * @internal
 */
export function parseHttpUrl(url: string, parameter = "url"): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(parameter, `"${String(url).slice(0, 200)}" is not an absolute URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ValidationError(parameter, `only http and https URLs are supported, got "${parsed.protocol}"`);
  }
  return parsed;
}

/**
 * The server root a token is scoped to: scheme, host, port and instance path.
 *
 * - `https://host:6443/arcgis/rest/services/Folder/Svc/MapServer/0/query` → `https://host:6443/arcgis`
 * - `https://www.arcgis.com/sharing/rest` → `https://www.arcgis.com`
 * - `https://host/portal/home` → `https://host/portal`
 * - `https://services.arcgis.com/ORG/arcgis/rest/services/x/FeatureServer` → `https://services.arcgis.com/ORG/arcgis`
 *
 * The instance path is everything before the first `rest`, `sharing`, `admin`, `tokens`, `manager`,
 * `home`, `login` or `help` segment (or the whole path when there is none). Default ports are dropped.
 * @throws {@link ValidationError} when `url` is not an absolute http(s) URL.
 */
export function serverRoot(url: string): string {
  const parsed = parseHttpUrl(url);
  const segments = parsed.pathname.split("/").filter((s) => s !== "");
  const end = segments.findIndex((s) => ROOT_ENDING_SEGMENTS.has(s.toLowerCase()));
  const instance = end === -1 ? segments : segments.slice(0, end);
  return instance.length === 0 ? parsed.origin : `${parsed.origin}/${instance.join("/")}`;
}

/**
 * A comparison key for server roots: ArcGIS instance paths are case-insensitive
 * on most installations, so `/ArcGIS` and `/arcgis` share a token.
 * @internal
 */
export function serverRootKey(urlOrRoot: string): string {
  return serverRoot(urlOrRoot).toLowerCase();
}

/**
 * Whether `url` points at a Portal for ArcGIS or ArcGIS Online (rather than an ArcGIS Server site).
 * Decided from the URL alone: a `sharing` or `home` segment, or an `arcgis.com` host without instance path.
 */
export function isPortalUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  const segments = parsed.pathname.split("/").filter((s) => s !== "").map((s) => s.toLowerCase());
  const end = segments.findIndex((s) => ROOT_ENDING_SEGMENTS.has(s));
  if (end !== -1 && (segments[end] === "sharing" || segments[end] === "home")) return true;
  const root = end === -1 ? segments : segments.slice(0, end);
  return root.length === 0 && /(^|\.)arcgis\.com$/.test(parsed.hostname) && !/^services\d*\./.test(parsed.hostname);
}
