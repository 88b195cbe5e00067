import { ValidationError } from "../errors/index.js";

/** The parts of an ArcGIS services URL. */
export interface ServiceUrlParts {
  /** `https://host/arcgis/rest/services` */
  servicesRoot: string;
  /** Folder and name, e.g. `SanFrancisco/311Incidents`. */
  name: string;
  /** e.g. `MapServer`. */
  type: string;
  /** The service URL without trailing parts. */
  serviceUrl: string;
  /** A layer id when the URL points at a layer. */
  layerId?: number;
}

const SERVICE_RE = /^(.*?\/rest\/services)\/(.+?)\/([A-Za-z]+Server)(?:\/(\d+))?(?:\/.*)?$/;

/** Strips the query string, hash and trailing slashes. */
export function cleanUrl(url: string): string {
  return url.split(/[?#]/)[0].replace(/\/+$/, "");
}

/**
 * The services directory URL for anything a user may paste: a server root
 * (`https://host/arcgis`), `.../rest`, `.../rest/services` or a folder.
 */
export function servicesDirectoryUrl(url: string): string {
  const clean = cleanUrl(url);
  if (!/^https?:\/\//i.test(clean)) {
    throw new ValidationError(`Not an http(s) URL: ${url}`, { parameter: "url", value: url });
  }
  if (/\/rest\/services(\/|$)/i.test(clean)) return clean;
  if (/\/rest$/i.test(clean)) return `${clean}/services`;
  return `${clean}/rest/services`;
}

/** Splits a service or layer URL into its parts; `undefined` if it is not one. */
export function parseServiceUrl(url: string): ServiceUrlParts | undefined {
  const m = SERVICE_RE.exec(cleanUrl(url));
  if (!m) return undefined;
  const [, servicesRoot, name, type, layer] = m;
  return {
    servicesRoot,
    name,
    type,
    serviceUrl: `${servicesRoot}/${name}/${type}`,
    ...(layer !== undefined ? { layerId: Number(layer) } : {}),
  };
}
